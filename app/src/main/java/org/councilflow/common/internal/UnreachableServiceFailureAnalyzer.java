package org.councilflow.common.internal;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "cannot reach the database" and "cannot reach Keycloak" at start-up into one clear line instead of a wall
 * of stack traces: the two mistakes an operator makes most when configuring a deployment; likewise a secret that was
 * not set.
 */
class UnreachableServiceFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    /** Spring Boot passes the environment of the application that failed. */
    UnreachableServiceFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequiredSettings.MissingSettingException missing) {
                return new FailureAnalysis("Missing setting " + missing.variable + ": " + missing.property + " has no value",
                        "Set the environment variable " + missing.variable + " (secrets have no default outside the"
                                + " local run and the tests).", failure);
            }
            if (t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains("Issuer")) {
                String issuer = property("councilflow.identity.issuer-uri");
                return new FailureAnalysis("Keycloak issuer " + issuer + " unreachable (" + rootMessage(t) + ")",
                        "Start Keycloak or set COUNCILFLOW_ISSUER_URI to the realm's issuer URL.", failure);
            }
            if (t instanceof SQLException sql && isConnectionFailure(sql)) {
                String url = property("spring.datasource.url");
                return new FailureAnalysis("Database " + url + " refused connection (" + rootMessage(t) + ")",
                        "Start PostgreSQL or set COUNCILFLOW_DB_URL, COUNCILFLOW_DB_USER and COUNCILFLOW_DB_PASSWORD.",
                        failure);
            }
        }
        return null;
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return (state != null && state.startsWith("08")) || "28P01".equals(state) || "3D000".equals(state)
                || e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException;
    }

    private String property(String name) {
        return environment.getProperty(name, "?");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
