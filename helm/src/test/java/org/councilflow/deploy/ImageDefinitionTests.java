package org.councilflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The two ways to the image — deploy/Dockerfile with a Docker engine, Jib in app/pom.xml without one — make the
 * same image where it matters, and the chart runs it as the user it was built for. (No engine and no registry
 * here: the images themselves are not built by the tests.)
 */
class ImageDefinitionTests {

    private final String dockerfile = DeployFiles.text(DeployFiles.DEPLOY.resolve("Dockerfile"));
    private final String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    private final Element jib = jibPlugin();

    @Test
    void dockerfileRunsTheLayeredJarAsANumericNonRootUserOnAJre() {
        assertThat(firstGroup("\nFROM (\\S+)\\s*\n", runtimeStage)).endsWith("-jre");
        assertThat(dockerfile).contains("-Djarmode=tools", "extract --layers --destination");
        // a plain class path, so that the JVM can share the archived classes (ADR 0022)
        assertThat(runtimeStage).doesNotContain("--launcher")
                .contains("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/councilflow.jsa\", \"-jar\", \"/app/councilflow.jar\"]");
        String user = firstGroup("\nUSER (\\S+)", runtimeStage);
        assertThat(user).matches("[1-9][0-9]*:[0-9]+");
        assertThat(javaToolOptions()).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theImageBuildWritesItsClassDataSharingArchiveWithTheScriptTheBenchmarkRuns() {
        String training = DeployFiles.text(DeployFiles.DEPLOY.resolve("cds-training.sh"));

        assertThat(runtimeStage).contains("RUN sh /tmp/cds-training.sh /app/councilflow.jar /app/councilflow.jsa");
        // before USER: the archive is written as root, read-only for the application's user
        assertThat(runtimeStage.indexOf("cds-training.sh")).isLessThan(runtimeStage.indexOf("\nUSER "));
        assertThat(training).contains("-XX:ArchiveClassesAtExit=", "env -u JAVA_TOOL_OPTIONS");
        // the training start reaches no real server
        assertThat(training).contains("jdbc:postgresql://127.0.0.1:9/").doesNotContain("COUNCILFLOW_DB_URL=jdbc:postgresql://postgres");
    }

    @Test
    void dockerBuildContextLeavesOutBuildOutputAndLocalData() {
        String ignore = DeployFiles.text(DeployFiles.DEPLOY.resolve("Dockerfile.dockerignore"));

        assertThat(ignore.lines().map(String::strip).toList()).contains("**/target", ".git", ".devservices", ".local-data");
    }

    @Test
    void jibImageMatchesTheDockerfilesBaseUserPortAndJvmFlags() {
        assertThat(child(jib, "configuration/from/image")).isEqualTo(firstGroup("\nFROM (\\S+)\\s*\n", runtimeStage));
        assertThat(child(jib, "configuration/container/user")).isEqualTo(firstGroup("\nUSER (\\S+)", runtimeStage));
        assertThat(child(jib, "configuration/container/environment/JAVA_TOOL_OPTIONS")).isEqualTo(javaToolOptions());
        assertThat(child(jib, "configuration/container/ports/port")).isEqualTo(firstGroup("\nEXPOSE (\\S+)", runtimeStage));
        assertThat(child(jib, "configuration/outputPaths/tar")).endsWith("/jib-image.tar");
        String mainClass = child(jib, "configuration/container/mainClass");
        assertThat(DeployFiles.REPO.resolve("app/src/main/java/" + mainClass.replace('.', '/') + ".java")).isRegularFile();
    }

    @Test
    void jibRunsOnlyWhenAskedSoTheNormalBuildNeverPullsABaseImage() {
        assertThat(jib.getElementsByTagName("executions").getLength()).isZero();
        assertThat(property(DeployFiles.REPO.resolve("pom.xml").toString(), "jib.skip")).isEqualTo("true");
        assertThat(property(DeployFiles.REPO.resolve("app/pom.xml").toString(), "jib.skip")).isEqualTo("false");
    }

    @Test
    void chartRunsThePodsAsTheImagesUser() {
        var values = DeployFiles.yaml(DeployFiles.REPO.resolve("helm/values.yaml"));
        String[] user = firstGroup("\nUSER (\\S+)", runtimeStage).split(":");

        assertThat(values.at("/podSecurityContext/runAsUser").asText()).isEqualTo(user[0]);
        assertThat(values.at("/podSecurityContext/runAsGroup").asText()).isEqualTo(user[1]);
        assertThat(values.path("containerPort").asText()).isEqualTo(firstGroup("\nEXPOSE (\\S+)", runtimeStage));
    }

    private String javaToolOptions() {
        return firstGroup("\nENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"", runtimeStage);
    }

    private static String firstGroup(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the Dockerfile", regex).isTrue();
        return m.group(1);
    }

    /** The jib-maven-plugin of app/pom.xml's own build (not a profile's). */
    private static Element jibPlugin() {
        Document pom = parse(DeployFiles.REPO.resolve("app/pom.xml").toString());
        Element build = directChild(pom.getDocumentElement(), "build");
        for (Element plugin : directChildren(directChild(build, "plugins"), "plugin")) {
            if ("jib-maven-plugin".equals(directChild(plugin, "artifactId").getTextContent().strip())) {
                return plugin;
            }
        }
        throw new AssertionError("no jib-maven-plugin in app/pom.xml's build plugins");
    }

    private static String property(String pomFile, String name) {
        Element properties = directChild(parse(pomFile).getDocumentElement(), "properties");
        return directChild(properties, name).getTextContent().strip();
    }

    private static String child(Element from, String path) {
        Element e = from;
        for (String step : path.split("/")) {
            e = directChild(e, step);
        }
        return e.getTextContent().strip();
    }

    private static Element directChild(Element parent, String name) {
        List<Element> found = directChildren(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
        return found.get(0);
    }

    private static List<Element> directChildren(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parse(String file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
        } catch (Exception e) {
            throw new AssertionError(file + " does not parse", e);
        }
    }
}
