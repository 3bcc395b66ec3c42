package org.councilflow.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

class ChartLintTests {

    @Test
    void chartLintsCleanInStrictMode() {
        LintResult result = new Helm(RenderedChart.CHART_DIR).lint().strict().call();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void bundledChartsLintCleanOnTheirOwn() {
        for (String sub : List.of("postgresql", "keycloak")) {
            LintResult result = new Helm(RenderedChart.CHART_DIR.resolve("charts").resolve(sub)).lint().strict().call();

            assertThat(result.isFailed()).as("%s: %s", sub, result.getMessages()).isFalse();
            assertThat(result.getMessages()).as(sub).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
        }
    }

    @Test
    void appVersionIsTheBuildsVersionSoTheDefaultImageTagIsTheImageTheBuildMakes() throws IOException {
        JsonNode chart = new YAMLMapper().readTree(RenderedChart.CHART_DIR.resolve("Chart.yaml").toFile());

        assertThat(chart.path("appVersion").asText()).isEqualTo(System.getProperty("councilflow.version"));
    }

    @Test
    void packagedChartHoldsTheChartAndNotTheMavenModule(@TempDir Path out) throws IOException {
        new Helm(RenderedChart.CHART_DIR).packageIt().withDestination(out).call();
        List<String> entries = tarEntries(onlyFileIn(out));

        assertThat(entries).contains("councilflow/Chart.yaml", "councilflow/values.yaml",
                "councilflow/values.schema.json", "councilflow/templates/deployment.yaml",
                "councilflow/charts/postgresql/Chart.yaml", "councilflow/charts/keycloak/Chart.yaml");
        assertThat(entries).noneMatch(e -> e.startsWith("councilflow/src/") || e.startsWith("councilflow/target/")
                || e.equals("councilflow/pom.xml") || e.startsWith("councilflow/examples/"));
    }

    private static Path onlyFileIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new AssertionError("helm package wrote no .tgz into " + dir));
        }
    }

    /** The names in a .tgz (plain ustar headers: name in the first 100 bytes, octal size at 124). */
    private static List<String> tarEntries(Path tgz) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                names.add(prefix.isEmpty() ? name : prefix + "/" + name);
                in.skipNBytes((size + 511) / 512 * 512);
            }
        }
        return names;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
