package org.councilflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The repository's deployment files, read as the tools that use them would. */
final class DeployFiles {

    static final Path REPO = Path.of(System.getProperty("councilflow.repo.dir", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = REPO.resolve("deploy");

    private DeployFiles() {
    }

    static JsonNode yaml(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " does not parse", e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " does not parse", e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables application.yml reads (its ${NAME} and ${NAME:default} placeholders). */
    static Set<String> variablesTheApplicationReads() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(text(REPO.resolve("app/src/main/resources/application.yml")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A client's secret in the demo realm (the one Compose imports). */
    static String realmClientSecret(String clientId) {
        for (JsonNode client : json(DEPLOY.resolve("keycloak/demo/councilflow-realm.json")).path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client.path("secret").asText();
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm export");
    }
}
