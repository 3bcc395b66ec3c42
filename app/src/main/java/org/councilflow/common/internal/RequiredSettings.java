package org.councilflow.common.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Secrets have no default outside the local run and the tests, so a deployment that forgot one must not start with a
 * placeholder for a password. Checked once every property source is in (after the context's initializers), before
 * anything connects; {@link UnreachableServiceFailureAnalyzer} turns the refusal into one line naming the variable.
 */
class RequiredSettings implements ApplicationListener<ApplicationPreparedEvent> {

    /** Property → the environment variable a deployment sets it with. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("spring.datasource.password", "COUNCILFLOW_DB_PASSWORD");
        SECRETS.put("councilflow.identity.ui-client-secret", "COUNCILFLOW_UI_CLIENT_SECRET");
        SECRETS.put("councilflow.identity.admin-client-secret", "COUNCILFLOW_ADMIN_CLIENT_SECRET");
    }

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment());
    }

    static void check(Environment environment) {
        SECRETS.forEach((property, variable) -> {
            String value;
            try {
                value = environment.getProperty(property);
            } catch (IllegalArgumentException unresolvable) {
                value = null;
            }
            if (value == null || value.isBlank() || value.contains("${")) {
                throw new MissingSettingException(variable, property);
            }
        });
    }

    /** A required setting that has no value. */
    static class MissingSettingException extends IllegalStateException {
        final String variable;
        final String property;

        MissingSettingException(String variable, String property) {
            super(variable + " is not set (" + property + ")");
            this.variable = variable;
            this.property = property;
        }
    }
}
