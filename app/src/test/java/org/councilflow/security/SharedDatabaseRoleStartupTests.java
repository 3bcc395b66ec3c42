package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;

import org.councilflow.CouncilFlowApplication;
import org.councilflow.devservices.DevServices;
import org.councilflow.support.DevServicesProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A deployment whose application role could undo row-level security (here: the pool connects as the schema's owner)
 * does not start, rather than run with the database's defence in depth silently off (ADR 0007).
 */
class SharedDatabaseRoleStartupTests {

    @Test
    void theApplicationRefusesToConnectAsTheSchemasOwner() {
        Map<String, Object> properties = new HashMap<>(DevServicesProperties.get());
        properties.put("spring.datasource.username", DevServices.postgres().ownerUsername());
        properties.put("spring.datasource.password", DevServices.postgres().ownerPassword());
        // should this class be the first to migrate the database, the grants still go to the real runtime role
        properties.put("spring.flyway.placeholders.runtime-role", DevServices.postgres().username());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(CouncilFlowApplication.class)
                .environment(environment)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.profiles.active=test")
                .run());

        assertThat(failure).as("the application must not start").isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                .contains("councilflow_owner owns schema app", "COUNCILFLOW_DB_OWNER_USER");
    }
}
