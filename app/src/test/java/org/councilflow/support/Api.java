package org.councilflow.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls to the running application's API as a demo user (or with a given token). */
public record Api(TestRestTemplate rest) {

    public ResponseEntity<JsonNode> get(String user, String path) {
        return call(HttpMethod.GET, path, Tokens.of(user), null);
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return call(HttpMethod.POST, path, Tokens.of(user), body);
    }

    public ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return call(HttpMethod.PUT, path, Tokens.of(user), body);
    }

    public ResponseEntity<JsonNode> delete(String user, String path) {
        return call(HttpMethod.DELETE, path, Tokens.of(user), null);
    }

    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (body instanceof org.springframework.util.MultiValueMap<?, ?>) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        } else if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
