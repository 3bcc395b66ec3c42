package org.councilflow.helm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** The chart rendered by Helm's own template engine (as `helm template`), parsed into one tree per manifest. */
final class RenderedChart {

    static final String RELEASE = "cf";
    static final String FULLNAME = "cf-councilflow";
    /** The oldest Kubernetes the chart declares (Chart.yaml kubeVersion); Helm's default here would be 1.20. */
    static final String KUBE_VERSION = "v1.30.0";

    static final Path CHART_DIR = Path.of(System.getProperty("councilflow.chart.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO_DIR = Path.of(System.getProperty("councilflow.repo.dir", "..")).toAbsolutePath().normalize();

    private static final YAMLMapper YAML = new YAMLMapper();

    /** The values a production install gives at least: a managed database and Keycloak. */
    static Map<String, Object> managedServices() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("database.url", "jdbc:postgresql://db.internal:5432/councilflow");
        values.put("database.password", "db-password-123");
        values.put("database.ownerPassword", "db-owner-password-321");
        values.put("identity.issuerUri", "https://id.example.org/realms/councilflow");
        values.put("identity.uiClientSecret", "ui-secret-456");
        values.put("identity.adminClientSecret", "admin-secret-789");
        return values;
    }

    static Map<String, Object> managedServicesAnd(Object... keyValues) {
        Map<String, Object> values = managedServices();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    final String text;
    final List<JsonNode> manifests;

    private RenderedChart(String text, List<JsonNode> manifests) {
        this.text = text;
        this.manifests = manifests;
    }

    static RenderedChart render(Map<String, Object> values) {
        return render(values, Map.of(), null);
    }

    static RenderedChart render(Map<String, Object> values, Map<String, Path> files, Path valuesFile) {
        String text = command(values, files, valuesFile).call();
        return new RenderedChart(text, parse(text));
    }

    /** Renders and expects Helm to refuse; returns Helm's message. */
    static String renderError(Map<String, Object> values) {
        return renderError(values, null);
    }

    static String renderError(Map<String, Object> values, Path valuesFile) {
        try {
            String text = command(values, Map.of(), valuesFile).call();
            throw new AssertionError("Helm rendered the chart although it should have refused:\n" + text);
        } catch (IllegalStateException refused) {
            return refused.getMessage();
        }
    }

    private static TemplateCommand command(Map<String, Object> values, Map<String, Path> files, Path valuesFile) {
        TemplateCommand template = new Helm(CHART_DIR).template().withName(RELEASE).withNamespace("councilflow")
                .withKubeVersion(KUBE_VERSION);
        values.forEach(template::set);
        files.forEach(template::setFile);
        if (valuesFile != null) {
            template.withValuesFile(valuesFile);
        }
        return template;
    }

    private static List<JsonNode> parse(String text) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("Helm rendered YAML that does not parse:\n" + text, e);
        }
        return docs;
    }

    List<JsonNode> all(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return manifests.stream()
                .filter(m -> kind.equals(m.path("kind").asText()) && name.equals(m.path("metadata").path("name").asText()))
                .findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "no " + kind + " named " + name + " among " + manifests.stream()
                        .map(m -> m.path("kind").asText() + "/" + m.path("metadata").path("name").asText()).toList()));
    }

    JsonNode get(String kind) {
        return get(kind, FULLNAME);
    }

    /** The application container of the Deployment. */
    JsonNode appContainer() {
        JsonNode containers = get("Deployment").at("/spec/template/spec/containers");
        for (JsonNode c : containers) {
            if ("councilflow".equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no councilflow container in " + containers);
    }

    /** The container's env entry of that name. */
    Optional<JsonNode> env(String name) {
        for (JsonNode e : appContainer().path("env")) {
            if (name.equals(e.path("name").asText())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
