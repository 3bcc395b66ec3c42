package org.councilflow.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.reports.ReportDocument;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.TenantStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The public site's rendering rules, checked on the sources and on rendered output: no HTML in Java strings, every
 * message key the templates and the code use is in the bundle, the report fragment escapes what people typed, the
 * language is a parameter of rendering, and PDF text copies out as the letters that were typed (no ligatures).
 */
class PublicationTemplatesTests {

    private static final Path MAIN = Path.of("src/main");
    private static final Path PUBLICATION = MAIN.resolve("java/org/councilflow/publication");
    /** Every Java source of the application: no HTML is built from strings anywhere (issue 16, "Done when"). */
    private static final Path ALL_JAVA = MAIN.resolve("java");
    /**
     * Not HTML: the ModernGov import names the XML elements it could not read ({@code <meeting>}) in its error
     * messages. Only this file, and only literals that are such a message, may hold a tag-like text.
     */
    private static final Pattern XML_ELEMENT_MESSAGE = Pattern.compile("\"[^\"<]*(<[a-z]+>[^\"<]*)+\"");
    private static final Path TEMPLATES = MAIN.resolve("jte/publication");
    /** A string literal (or a text block's line) that holds a tag: {@code "<p"}, {@code "</td>"}, {@code "<!DOCTYPE"}. */
    private static final Pattern HTML_LITERAL = Pattern.compile(
            "\"[^\"\\n]*(?<![<\\w])<(?:/?[a-zA-Z]|!DOCTYPE|!--)[^\"\\n]*\"");
    private static final Pattern KEY_USE = Pattern.compile("\\.t\\(\"([a-zA-Z0-9.]+)\"\\s*[,)]");

    @Test
    void noHtmlIsBuiltFromJavaStringsAnywhereInTheApplication() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(ALL_JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                scanned++;
                String code = withoutComments(Files.readString(file));
                Matcher literal = HTML_LITERAL.matcher(code.replace("\"\"\"", "\""));
                while (literal.find()) {
                    boolean xmlMessage = file.endsWith(Path.of("history/moderngov/ModernGovXml.java"))
                            && XML_ELEMENT_MESSAGE.matcher(literal.group()).matches();
                    if (!xmlMessage) {
                        found.add(MAIN.relativize(file) + ": " + literal.group());
                    }
                }
            }
        }
        assertThat(scanned).as("the whole of src/main/java is scanned").isGreaterThan(300);
        assertThat(found).as("HTML belongs in src/main/jte (or Vaadin components, or a DOM), not in Java strings").isEmpty();
    }

    @Test
    void theScanFindsHtmlInAStringAndIgnoresItInComments() {
        String code = "/** {@code <p>} */ class A { // <b>\n String a = \"x\" + \"<td>\" + y; }";
        Matcher literal = HTML_LITERAL.matcher(withoutComments(code));
        assertThat(literal.find()).isTrue();
        assertThat(literal.group()).isEqualTo("\"<td>\"");
        assertThat(HTML_LITERAL.matcher(withoutComments("/** <p>x</p> */ String s = \"a < b\";")).find()).isFalse();
        assertThat(HTML_LITERAL.matcher("String pdf = \"/Figure <</MCID 0>> BDC\";").find()).as("PDF operators").isFalse();
        assertThat(HTML_LITERAL.matcher("String m = \"A Supplier<SecurityContext> returned null\";").find()).as("generics").isFalse();
        assertThat(HTML_LITERAL.matcher("Pattern p = Pattern.compile(\"(?<!d)d\");").find()).as("a look-behind").isFalse();
        assertThat(HTML_LITERAL.matcher("String page = \"<!DOCTYPE html>\";").find()).isTrue();
        assertThat(HTML_LITERAL.matcher("html.append(\"<li>\").append(x);").find()).isTrue();
    }

    @Test
    void everyMessageKeyUsedIsInTheBundleAndEveryMessageIsAValidPattern() throws IOException {
        Properties bundle = bundle();
        TreeSet<String> used = new TreeSet<>();
        for (Path root : List.of(TEMPLATES, PUBLICATION)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher use = KEY_USE.matcher(Files.readString(file));
                    while (use.find()) {
                        used.add(use.group(1));
                    }
                }
            }
        }
        // keys made from a value: a search hit's kind, an open-data field, a status or inspection label, a file type
        Stream.of("REPORT", "DECISION", "MINUTES").forEach(kind -> used.add("search.kind." + kind));
        Pages.OpenDataPage.FIELDS.forEach(field -> used.add("field." + field));
        Stream.of("RECOMMENDATIONS_APPROVED", "APPROVED_AS_AMENDED", "NOT_APPROVED", "DEFERRED", "NOTED", "SIF_INSPECTION",
                "MONITORING_VISIT", "ILACS", "CQC_REVIEW", "STATUTORY_DIRECTION", "COMMISSIONER_REVIEW", "OTHER")
                .forEach(label -> used.add("label." + label));
        Stream.of("date", "day", "numeric", "time").forEach(format -> used.add("format." + format));

        assertThat(used).hasSizeGreaterThan(150);
        assertThat(used.stream().filter(key -> !bundle.containsKey(key)).toList()).as("keys missing in the bundle").isEmpty();
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            String formatted = new MessageFormat(pattern, Locale.UK).format(new Object[] {1, 2, 3, 4});
            assertThat(formatted).as(key + ": an apostrophe must be doubled ('')").doesNotContain("{");
            assertThat(pattern.replace("''", "")).as(key + ": a single apostrophe would swallow text").doesNotContain("'");
        }
    }

    @Test
    void theReportFragmentEscapesWhatPeopleTypedAndSanitisesTheirMarkdown() {
        ReportDocument document = document("Update <script>alert('title')</script>",
                "Summary <img src=x onerror=alert(1)> and [a link](javascript:alert(2)).");

        String html = Templates.render(new ReportFragment(document, Localizer.of(Locale.UK), 2));

        Document parsed = Jsoup.parseBodyFragment(html);
        assertThat(parsed.select("script, [onerror], a[href^=javascript]")).isEmpty();
        assertThat(parsed.select("table.report-header td").get(2).text()).isEqualTo("Update <script>alert('title')</script>");
        assertThat(parsed.select("h2#summary").text()).isEqualTo("Summary");
        assertThat(parsed.select(".paragraph p").first().html())
                .isEqualTo("<span class=\"number\">1.1</span>The Officer was efficient and affluent.");
        assertThat(parsed.body().children()).hasSize(1); // one root: the staff preview shows it as one element
    }

    @Test
    void theLanguageIsAParameterOfRenderingNotOfThePage() {
        Tenant council = council();

        String english = Html.notFound(council, Localizer.of(Locale.forLanguageTag("en-GB")));
        String irish = Html.notFound(council, Localizer.of(Locale.forLanguageTag("en-IE")));

        assertThat(Jsoup.parse(english).select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(Jsoup.parse(irish).select("html").attr("lang")).isEqualTo("en-IE");
        assertThat(Jsoup.parse(english).select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void theTooManyRequestsPageIsInTheSitesLanguageWithoutACouncil() {
        Document english = Jsoup.parse(Html.tooManyRequests(null, Localizer.of(Locale.forLanguageTag("en-GB")), 1));
        Document welsh = Jsoup.parse(Html.tooManyRequests(null, Localizer.of(Locale.forLanguageTag("cy")), 42));

        assertThat(english.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(english.select("h1").text()).isEqualTo("Too many requests");
        assertThat(english.select("main p").last().text()).isEqualTo("Please wait 1 second, then try again.");
        assertThat(english.select("link[rel=stylesheet]")).isEmpty();
        assertThat(welsh.select("html").attr("lang")).isEqualTo("cy");
        assertThat(welsh.select("h1").text()).isEqualTo("Gormod o geisiadau");
        assertThat(welsh.select("main p").last().text()).isEqualTo("Rhowch gynnig arall arni ymhen 42 eiliad.");
        assertThat(Jsoup.parse(Html.tooManyRequests(null, Localizer.of(Locale.UK), 30)).text()).contains("wait 30 seconds");
    }

    @Test
    void pdfTextCopiesOutAsTypedWithoutLigaturesAndCarriesTheLanguage() throws IOException {
        ReportDocument document = document("Officer efficiency: affluent offices", "The officer’s office filed it, efficiently.");
        ReportSnapshot report = new ReportSnapshot(UUID.randomUUID(), 2, UUID.randomUUID(), 1, document, List.of(),
                Instant.parse("2026-11-24T10:00:00Z"), null);

        byte[] pdf = Pdfs.report(council(), report, "https://public.example/councils/tests", Localizer.of(Locale.UK));

        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(loaded);
            assertThat(text).contains("Officer", "efficient", "affluent", "Officer contact", "Page 1 of 1");
            assertThat(text).doesNotContain("\uFB00", "\uFB01", "\uFB02", "\uFB03", "\uFB04");
            assertThat(loaded.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        }
    }

    private static ReportDocument document(String title, String summary) {
        var header = new ReportDocument.Header("Children, Education and Safeguarding Committee", LocalDate.of(2018, 9, 12),
                title, "Chief Officer", "All", ReportDocument.Status.PUBLIC, null, false, true, "None", "Jo Officer");
        var paragraph = new ReportDocument.Block(ReportDocument.Kind.PARAGRAPH, "1.1", null,
                "The Officer was efficient and affluent.");
        var section = new ReportDocument.Section("body", "1", "Why this report is needed", List.of(paragraph));
        return new ReportDocument(1, null, null, header, summary, List.of("That the Committee note the officer's update."),
                List.of(section));
    }

    private static Tenant council() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Tenant("tests", "Tests Council", TenantStatus.ACTIVE, null, TenantSettings.defaults(), at, at, 1);
    }

    private static Properties bundle() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = PublicationTemplatesTests.class.getResourceAsStream("/publication/i18n/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return bundle;
    }

    /** The code without its comments (block, Javadoc and line comments), string literals left as they are. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m);\\s*//.*$", ";")
                .replaceAll("(?m)\\{\\s*//.*$", "{");
    }
}
