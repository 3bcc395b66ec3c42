package org.councilflow.publication.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.tenancy.Tenant;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import gg.jte.Content;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Tagged, accessible PDFs (PDF/UA) of published reports and agenda packs, with bookmarks, embedded fonts and the
 * document language, from the same HTML as the pages. An agenda pack appends the appendices that are PDFs; their
 * pages are tagged as figures whose alternative text names the appendix and where to get it as a document of its own.
 */
public final class Pdfs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Pdfs.class);

    private static final String FONT = "DejaVu Sans";
    /** The PDFs' stylesheet, a static resource like the site's. */
    private static final String CSS = Html.resource("/publication/pdf.css");

    private Pdfs() {
    }

    /** The HTML frame of a PDF ({@code pdf/document.jte}); {@code body} is the output of the PDF's own template. */
    public record PdfDocument(Localizer l, String title, Content body, List<Appended> linked) implements Templates.View {

        @Override
        public String template() {
            return "pdf/document";
        }
    }

    /** A report on its own ({@code pdf/report.jte}). */
    public record PdfReport(Localizer l, Tenant council, ReportSnapshot report, String baseUrl) implements Templates.View {

        public String versionLine() {
            return Pages.versionLine(l, report);
        }

        @Override
        public String template() {
            return "pdf/report";
        }
    }

    /** An agenda pack ({@code pdf/pack.jte}): every agenda item, with its published report unless it is exempt. */
    public record PdfPack(Localizer l, Tenant council, MeetingSnapshot meeting, List<PackItem> items, String baseUrl)
            implements Templates.View {

        @Override
        public String template() {
            return "pdf/pack";
        }
    }

    /** @param report the item's published report (null for other kinds, and for an exempt item) */
    public record PackItem(MeetingSnapshot.Item item, ReportSnapshot report, Localizer l) {

        /** The heading as published (an exempt item's only when the agenda published one; otherwise null). */
        public String title() {
            Localizer.Shown shown = shown();
            return shown == null ? null : shown.text();
        }

        /** The heading in the PDF's language where the council gave one, else the other's, marked (ADR 0017). */
        public Localizer.Shown shown() {
            return item.title() != null || item.titleCy() != null ? l.pick(item.title(), item.titleCy())
                    : report == null ? null : l.title(report.document());
        }

        public String heading(Localizer l) {
            return l.t("meeting.item", item.label(), title());
        }
    }

    /** A meeting's published minutes ({@code pdf/minutes.jte}). */
    public record PdfMinutes(Localizer l, Tenant council, Published<MinutesSnapshot> minutes) implements Templates.View {

        @Override
        public String template() {
            return "pdf/minutes";
        }
    }

    /** The minutes of a meeting as published: attendance, then every item's declarations, minutes and resolutions. */
    public static byte[] minutes(Tenant council, Published<MinutesSnapshot> minutes, Localizer l) {
        MinutesSnapshot m = minutes.content();
        String title = l.t("minutes.pdfHeading", l.t("meeting.name", l.pick(m.committeeName(), m.committeeNameCy()).text(),
                l.date(m.startsAt())));
        String body = Templates.render(new PdfMinutes(l, council, minutes));
        List<String[]> bookmarks = new ArrayList<>();
        bookmarks.add(new String[] {l.t("minutes.attendance"), "#attendance-heading"});
        for (MinutesSnapshot.Item item : m.items()) {
            bookmarks.add(new String[] {item.number() + " " + (item.exempt() || item.title() == null
                    ? l.t("meeting.exemptHeading") : l.pick(item.title(), item.titleCy()).text()),
                    "#minutes-heading-" + item.itemId()});
        }
        return render(l, council, title, body, bookmarks, List.of(), doc -> null);
    }

    /** The published report on its own. */
    public static byte[] report(Tenant council, ReportSnapshot report, String baseUrl, Localizer l) {
        String body = Templates.render(new PdfReport(l, council, report, baseUrl));
        return render(l, council, report.document().header().title(), body, reportBookmarks(l, report), List.of(), doc -> null);
    }

    /**
     * The agenda pack of a meeting: a cover, the agenda, every published report in agenda order, then the appendices
     * that are PDFs. {@code reports} are the agenda's published reports (exempt items are not in it).
     */
    public static byte[] agendaPack(Tenant council, MeetingSnapshot meeting, List<ReportSnapshot> reports,
            String baseUrl, Function<DocumentRef, byte[]> content, Localizer l) {
        List<PackItem> items = meeting.items().stream().map(item -> new PackItem(item, find(reports, item), l)).toList();
        String body = Templates.render(new PdfPack(l, council, meeting, items, baseUrl));
        List<String[]> bookmarks = new ArrayList<>();
        bookmarks.add(new String[] {l.t("pdf.agenda"), "#agenda"});
        List<Appended> appended = new ArrayList<>();
        for (PackItem item : items) {
            if (!item.item().exempt() && item.title() != null) {
                bookmarks.add(new String[] {item.heading(l), "#item-" + item.item().position()});
            }
            if (item.report() == null) {
                continue;
            }
            ReportSnapshot report = item.report();
            for (DocumentRef appendix : report.appendices()) {
                if ("pdf".equals(appendix.extension())) {
                    appended.add(new Appended(l.t("pdf.appendixOfItem", item.item().label(), appendix.number(),
                            appendix.title()), baseUrl + "/reports/" + report.reportId() + "/appendices/" + appendix.number(),
                            appendix, null));
                }
            }
        }
        String title = l.t("pdf.agendaPackTitle", l.t("meeting.name", l.committee(meeting).text(), l.date(meeting.startsAt())));
        return render(l, council, title, body, bookmarks, appended, content);
    }

    /** An appendix appended to a pack, or (with its {@code anchor}) a page that links to it instead. */
    public record Appended(String title, String url, DocumentRef document, String anchor) {
    }

    private static ReportSnapshot find(List<ReportSnapshot> reports, MeetingSnapshot.Item item) {
        if (item.exempt() || item.reportId() == null) {
            return null;
        }
        return reports.stream().filter(r -> r.reportId().equals(item.reportId())).findFirst().orElse(null);
    }

    private static List<String[]> reportBookmarks(Localizer l, ReportSnapshot report) {
        List<String[]> bookmarks = new ArrayList<>();
        bookmarks.add(new String[] {l.t("report.summary"), "#summary"});
        bookmarks.add(new String[] {l.t("report.recommendations"), "#recommendations"});
        for (ReportFragment.Numbered section : new ReportFragment(report.document(), l, 2).sections()) {
            bookmarks.add(new String[] {section.heading(), "#section-" + section.n()});
        }
        if (!report.appendices().isEmpty()) {
            bookmarks.add(new String[] {l.t("report.appendices"), "#appendices"});
        }
        return bookmarks;
    }

    /**
     * Renders the HTML, then appends the appendices that are PDFs. An appendix that cannot be read (stored before
     * uploads were parsed, or damaged since) is replaced by a page that names it and links to it as a document of
     * its own; if appending fails all the same, the pack is made again with every appendix as such a page. One bad
     * file never takes the pack down for everyone.
     */
    private static byte[] render(Localizer l, Tenant council, String title, String body, List<String[]> bookmarks,
            List<Appended> appended, Function<DocumentRef, byte[]> content) {
        List<PDDocument> sources = new ArrayList<>();
        try {
            List<Appended> reproduced = new ArrayList<>();
            List<Appended> linked = new ArrayList<>();
            for (Appended appendix : appended) {
                PDDocument source = readable(appendix, content);
                if (source == null) {
                    linked.add(appendix);
                } else {
                    sources.add(source);
                    reproduced.add(appendix);
                }
            }
            try {
                return layout(l, council, title, body, bookmarks, linked, reproduced, sources);
            } catch (RuntimeException e) {
                if (reproduced.isEmpty()) {
                    throw e;
                }
                log.warn("The agenda pack '{}' could not take its appendices ({}); they are linked instead", title, e.toString());
                return layout(l, council, title, body, bookmarks, appended, List.of(), List.of());
            }
        } finally {
            for (PDDocument source : sources) {
                try {
                    source.close();
                } catch (IOException e) {
                    log.debug("Closing an appendix failed", e);
                }
            }
        }
    }

    /** The appendix opened as a PDF with pages, or null if it cannot be. */
    private static PDDocument readable(Appended appendix, Function<DocumentRef, byte[]> content) {
        PDDocument source = null;
        try {
            source = Loader.loadPDF(content.apply(appendix.document()));
            int pages = 0;
            for (PDPage page : source.getPages()) {
                page.getCOSObject();
                pages++;
            }
            if (pages == 0) {
                throw new IOException("no pages");
            }
            return source;
        } catch (IOException | RuntimeException e) {
            log.warn("Appendix '{}' cannot be reproduced in an agenda pack: {}", appendix.title(), e.toString());
            if (source != null) {
                try {
                    source.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            return null;
        }
    }

    private static byte[] layout(Localizer l, Tenant council, String title, String body, List<String[]> bookmarks,
            List<Appended> linked, List<Appended> reproduced, List<PDDocument> sources) {
        List<String[]> marks = new ArrayList<>(bookmarks);
        List<Appended> anchored = new ArrayList<>();
        for (Appended appendix : linked) {
            Appended page = new Appended(appendix.title(), appendix.url(), appendix.document(),
                    "not-reproduced-" + (anchored.size() + 1));
            anchored.add(page);
            marks.add(new String[] {page.title(), "#" + page.anchor()});
        }
        // the body is the output of our own templates (escaped there), so it is written as it is
        Content trusted = output -> output.writeContent(body);
        Document document = Jsoup.parse(Templates.render(new PdfDocument(l, title, trusted, anchored)));
        document.head().appendElement("style").appendChild(new DataNode(CSS + footer(l)));
        document.head().appendElement("meta").attr("name", "author").attr("content", council.displayName());
        document.head().appendElement("meta").attr("name", "subject").attr("content", title);
        Element bookmarkList = document.head().appendElement("bookmarks");
        marks.forEach(b -> bookmarkList.appendElement("bookmark").attr("name", b[0]).attr("href", b[1]));
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("CouncilFlow")
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withW3cDocument(new W3CDom().fromJsoup(document), "about:blank");
        font(builder, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
        font(builder, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
        font(builder, "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            pdf.getDocumentCatalog().setLanguage(l.lang());
            for (int i = 0; i < reproduced.size(); i++) {
                append(pdf, sources.get(i), reproduced.get(i), l);
            }
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Appends an appendix's pages: each page's content becomes one figure of the structure tree, with alternative
     * text that names the appendix and where it can be had on its own; its annotations (unlabelled links) are dropped.
     */
    private static void append(PDDocument document, PDDocument source, Appended appendix, Localizer l) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        PDStructureNode parent = root;
        for (Object kid : root.getKids()) {
            if (kid instanceof PDStructureElement element) {
                parent = element; // the Document element
                break;
            }
        }
        PDStructureElement part = new PDStructureElement("Part", parent);
        part.setTitle(appendix.title());
        appendKid(parent, part);
        int key = nextParentTreeKey(root);
        int pages = source.getNumberOfPages();
        PDOutlineItem first = null;
        for (int i = 0; i < pages; i++) {
            PDPage page = document.importPage(source.getPage(i));
            page.setAnnotations(List.of());
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            wrapContent(document, page);
            PDStructureElement figure = new PDStructureElement("Figure", part);
            figure.setPage(page);
            figure.setAlternateDescription(l.t("pdf.figure", appendix.title(), i + 1, pages, appendix.url()));
            figure.getCOSObject().setItem(COSName.K, COSInteger.get(0));
            part.appendKid(figure);
            page.setStructParents(key);
            COSArray marked = new COSArray();
            marked.add(figure.getCOSObject());
            addToParentTree(root, key, marked);
            key++;
            if (first == null) {
                first = new PDOutlineItem();
                first.setTitle(appendix.title());
                first.setDestination(page);
            }
        }
        root.setParentTreeNextKey(key);
        if (first != null) {
            PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
            if (outline == null) {
                outline = new PDDocumentOutline();
                document.getDocumentCatalog().setDocumentOutline(outline);
            }
            outline.addLast(first);
        }
    }

    private static void appendKid(PDStructureNode parent, PDStructureElement kid) {
        if (parent instanceof PDStructureElement element) {
            element.appendKid(kid);
        } else {
            parent.appendKid(kid);
        }
    }

    /** Wraps the page's content in one marked-content sequence: {@code /Figure <</MCID 0>> BDC … EMC}. */
    private static void wrapContent(PDDocument document, PDPage page) throws IOException {
        COSArray contents = new COSArray();
        contents.add(stream(document, "/Figure <</MCID 0>> BDC q\n"));
        COSBase existing = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (existing instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                contents.add(array.get(i));
            }
        } else if (existing instanceof COSStream stream) {
            contents.add(stream);
        }
        contents.add(stream(document, "\nQ EMC\n"));
        page.getCOSObject().setItem(COSName.CONTENTS, contents);
    }

    private static COSStream stream(PDDocument document, String operators) throws IOException {
        return new PDStream(document, new java.io.ByteArrayInputStream(operators.getBytes(StandardCharsets.US_ASCII)))
                .getCOSObject();
    }

    /** The parent tree as openhtmltopdf writes it: a flat {@code /Nums} array, or leaves under {@code /Kids}. */
    private static int nextParentTreeKey(PDStructureTreeRoot root) {
        int next = Math.max(root.getParentTreeNextKey(), 0);
        COSDictionary tree = root.getParentTree() == null ? null : root.getParentTree().getCOSObject();
        for (COSArray nums : numsArrays(tree)) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                if (nums.getObject(i) instanceof COSInteger number) {
                    next = Math.max(next, number.intValue() + 1);
                }
            }
        }
        return next;
    }

    private static List<COSArray> numsArrays(COSDictionary node) {
        List<COSArray> arrays = new ArrayList<>();
        if (node == null) {
            return arrays;
        }
        if (node.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
            arrays.add(nums);
        }
        if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid) {
                    arrays.addAll(numsArrays(kid));
                }
            }
        }
        return arrays;
    }

    private static void addToParentTree(PDStructureTreeRoot root, int key, COSArray value) {
        COSDictionary tree = root.getParentTree() == null ? null : root.getParentTree().getCOSObject();
        if (tree == null) {
            tree = new COSDictionary();
            tree.setItem(COSName.NUMS, new COSArray());
            root.getCOSObject().setItem(COSName.PARENT_TREE, tree);
        }
        if (tree.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
            nums.add(COSInteger.get(key));
            nums.add(value);
            return;
        }
        // a tree of leaves: add a leaf for the new key (keys only grow, so it goes last)
        COSArray kids = (COSArray) tree.getDictionaryObject(COSName.KIDS);
        COSDictionary leaf = new COSDictionary();
        COSArray nums = new COSArray();
        nums.add(COSInteger.get(key));
        nums.add(value);
        leaf.setItem(COSName.NUMS, nums);
        COSArray limits = new COSArray();
        limits.add(COSInteger.get(key));
        limits.add(COSInteger.get(key));
        leaf.setItem(COSName.LIMITS, limits);
        kids.add(leaf);
    }

    /** The page footer, "Page 3 of 12", in the PDF's language: CSS strings around the page counters. */
    private static String footer(Localizer l) {
        String[] words = l.t("pdf.page", "\u0000", "\u0001").split("[\u0000\u0001]", -1);
        return "@page { @bottom-center { font-family: '" + FONT + "'; font-size: 9pt; content: " + cssString(words[0])
                + " counter(page) " + cssString(words[1]) + " counter(pages) " + cssString(words[2]) + "; } }";
    }

    private static String cssString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> open(file), FONT, weight, style, true);
    }

    private static InputStream open(String file) {
        InputStream in = Pdfs.class.getResourceAsStream("/publication/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("Missing font " + file);
        }
        return in;
    }
}
