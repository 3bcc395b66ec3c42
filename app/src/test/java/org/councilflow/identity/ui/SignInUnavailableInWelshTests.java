package org.councilflow.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import org.councilflow.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The page saying sign-in is unavailable speaks the language the sign-in would have asked Keycloak for: the whole of
 * it in Welsh, marked {@code lang="cy"}, with none of the English page's sentences.
 */
class SignInUnavailableInWelshTests {

    @Test
    void theUnavailablePageIsInTheLanguageTheSignInWouldHaveAskedFor() throws Exception {
        MockHttpServletResponse welsh = signInWhileTheIdentityProviderIsDown("cy");
        MockHttpServletResponse english = signInWhileTheIdentityProviderIsDown("en");

        assertThat(welsh.getStatus()).isEqualTo(503);
        assertThat(welsh.getHeader("Retry-After")).isEqualTo(String.valueOf(SignInAvailability.RETRY_AFTER_SECONDS));
        assertThat(welsh.getHeader("Content-Language")).isEqualTo("cy");
        assertThat(welsh.getContentAsString()).contains("<html lang=\"cy\">",
                "<h1>Nid yw mewngofnodi ar gael ar hyn o bryd</h1>", "Ceisio mewngofnodi eto")
                .doesNotContain("Sign-in is unavailable", "Try signing in again", "Please try again");
        assertThat(english.getStatus()).isEqualTo(503);
        assertThat(english.getContentAsString()).contains("<html lang=\"en\">", "Sign-in is unavailable at the moment");
    }

    private static MockHttpServletResponse signInWhileTheIdentityProviderIsDown(String language) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        IdentityProperties identity = new IdentityProperties(URI.create("http://127.0.0.1:" + closed + "/realms/councilflow"),
                "councilflow", "ui", "ui-secret", "admin", "admin-secret", List.of());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new SignInAvailability(identity, any -> language).doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("not passed on to Keycloak").isNull();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
