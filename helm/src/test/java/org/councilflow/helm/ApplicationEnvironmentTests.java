package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The chart sets only environment variables that the application reads: a renamed one fails here, not in a pod. */
class ApplicationEnvironmentTests {

    @Test
    void everyCouncilflowVariableTheChartSetsIsReadByApplicationYml() throws Exception {
        RenderedChart chart = RenderedChart.render(RenderedChart.managedServicesAnd("documentMaxSize", "30MB",
                "database.poolSize", 6, "mail.host", "smtp.example.org", "mail.from", "cf@example.org",
                "staffUrl", "https://cf.example.org"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(Files.readString(RenderedChart.REPO_DIR.resolve("app/src/main/resources/application.yml")));
        while (m.find()) {
            read.add(m.group(1));
        }

        List<String> set = new ArrayList<>();
        chart.get("ConfigMap").path("data").fieldNames().forEachRemaining(set::add);
        for (JsonNode env : chart.appContainer().path("env")) {
            set.add(env.path("name").asText());
        }

        assertThat(set).contains("COUNCILFLOW_DB_URL", "COUNCILFLOW_DB_PASSWORD", "COUNCILFLOW_DB_OWNER_USER",
                "COUNCILFLOW_DB_OWNER_PASSWORD", "COUNCILFLOW_ISSUER_URI",
                "COUNCILFLOW_DOCUMENT_MAX_SIZE", "COUNCILFLOW_DB_POOL", "COUNCILFLOW_SMTP_HOST", "COUNCILFLOW_SMTP_PASSWORD",
                "COUNCILFLOW_MAIL_FROM", "COUNCILFLOW_STAFF_URL", "PORT");
        // JAVA_TOOL_OPTIONS is the JVM's; SPRING_PROFILES_ACTIVE is Spring's, and each profile it names must exist
        assertThat(set.stream().filter(n -> !n.equals("JAVA_TOOL_OPTIONS") && !n.equals("SPRING_PROFILES_ACTIVE")))
                .allSatisfy(name -> assertThat(read).as("application.yml reads %s", name).contains(name));
        String profiles = chart.get("ConfigMap").path("data").path("SPRING_PROFILES_ACTIVE").asText("");
        for (String profile : profiles.isEmpty() ? new String[0] : profiles.split(",")) {
            assertThat(RenderedChart.REPO_DIR.resolve("app/src/main/resources/application-" + profile.strip() + ".yml"))
                    .as("the %s profile's configuration", profile).exists();
        }
    }
}
