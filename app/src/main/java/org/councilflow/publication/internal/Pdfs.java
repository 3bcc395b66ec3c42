package org.councilflow.publication.internal;

import static org.councilflow.publication.internal.Html.esc;

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
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.tenancy.Tenant;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
    private static final String CSS = """
            @page { size: A4; margin: 20mm 18mm 22mm 18mm;
                    @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans'; font-size: 9pt; } }
            body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; color: #000; }
            h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }
            .caption { display: block; font-size: 11pt; font-weight: normal; }
            table { border-collapse: collapse; width: 100%; margin: 8pt 0; }
            caption { text-align: left; font-weight: bold; }
            th, td { border: 0.5pt solid #666; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            .number { font-weight: bold; margin-right: 6pt; }
            table.report-header th { width: 28%; }
            .paragraph { margin: 4pt 0; }
            .part { page-break-before: always; }
            .cover { text-align: left; padding-top: 60mm; }
            a { color: #1d4e89; }
            p, li, td, th, h1, h2, h3 { overflow-wrap: break-word; word-wrap: break-word; }
            """;

    private Pdfs() {
    }

    /** The published report on its own. */
    public static byte[] report(Tenant council, ReportSnapshot report, String baseUrl) {
        String title = report.document().header().title();
        StringBuilder body = new StringBuilder("<h1><span class=\"caption\">").append(esc(council.displayName()))
                .append("</span>").append(esc(title)).append("</h1>")
                .append("<p>").append(esc(report.versionLine())).append("</p>").append(Pages.reportBody(report, 2))
                .append(appendixList(council, report, baseUrl));
        List<String[]> bookmarks = reportBookmarks(report, "");
        return render(council, title, body.toString(), bookmarks, List.of(), doc -> null);
    }

    /**
     * The agenda pack of a meeting: a cover, the agenda, every published report in agenda order, then the appendices
     * that are PDFs. {@code reports} are the agenda's published reports (exempt items are not in it).
     */
    public static byte[] agendaPack(Tenant council, MeetingSnapshot meeting, List<ReportSnapshot> reports,
            String baseUrl, Function<DocumentRef, byte[]> content) {
        String title = "Agenda pack: " + Pages.meetingName(meeting);
        StringBuilder body = new StringBuilder("<section class=\"cover\"><h1><span class=\"caption\">")
                .append(esc(council.displayName())).append("</span>").append(esc(meeting.committeeName())).append("</h1>")
                .append("<p>").append(esc(Text.day(meeting.startsAt()))).append(", ").append(Text.time(meeting.startsAt()))
                .append("</p><p>").append(esc(meeting.venue())).append("</p><p>Agenda pack</p></section>")
                .append("<section class=\"part\"><h2 id=\"agenda\">Agenda</h2><ol>");
        List<String[]> bookmarks = new ArrayList<>();
        bookmarks.add(new String[] {"Agenda", "#agenda"});
        for (MeetingSnapshot.Item item : meeting.items()) {
            ReportSnapshot report = find(reports, item);
            body.append("<li value=\"").append(item.position()).append("\">");
            if (report == null) {
                body.append("Exempt item: not for publication");
            } else {
                body.append("<a href=\"#item-").append(item.position()).append("\">").append(esc(report.document().header().title()))
                        .append("</a>");
            }
            body.append("</li>");
        }
        body.append("</ol></section>");
        List<Appended> appended = new ArrayList<>();
        for (MeetingSnapshot.Item item : meeting.items()) {
            ReportSnapshot report = find(reports, item);
            if (report == null) {
                continue;
            }
            String anchor = "item-" + item.position();
            String heading = "Item " + item.position() + ": " + report.document().header().title();
            bookmarks.add(new String[] {heading, "#" + anchor});
            body.append("<section class=\"part\"><h2 id=\"").append(anchor).append("\">").append(esc(heading)).append("</h2>")
                    .append(Pages.reportBody(report, 3)).append(appendixList(council, report, baseUrl)).append("</section>");
            for (DocumentRef appendix : report.appendices()) {
                if ("pdf".equals(appendix.extension())) {
                    appended.add(new Appended("Item " + item.position() + ", appendix " + appendix.number() + ": "
                            + appendix.title(), baseUrl + "/reports/" + report.reportId() + "/appendices/" + appendix.number(),
                            appendix));
                }
            }
        }
        return render(council, title, body.toString(), bookmarks, appended, content);
    }

    private record Appended(String title, String url, DocumentRef document) {
    }

    private static ReportSnapshot find(List<ReportSnapshot> reports, MeetingSnapshot.Item item) {
        if (item.exempt() || item.reportId() == null) {
            return null;
        }
        return reports.stream().filter(r -> r.reportId().equals(item.reportId())).findFirst().orElse(null);
    }

    private static List<String[]> reportBookmarks(ReportSnapshot report, String prefix) {
        List<String[]> bookmarks = new ArrayList<>();
        bookmarks.add(new String[] {"Summary", "#summary"});
        bookmarks.add(new String[] {"Recommendations", "#recommendations"});
        int n = 0;
        for (var section : report.document().sections()) {
            n++;
            String heading = ((section.number() == null ? "" : section.number() + " ")
                    + (section.heading() == null ? "" : section.heading())).strip();
            bookmarks.add(new String[] {heading.isEmpty() ? "Section " + n : heading, "#section-" + n});
        }
        if (!report.appendices().isEmpty()) {
            bookmarks.add(new String[] {"Appendices", "#appendices"});
        }
        return bookmarks;
    }

    private static String appendixList(Tenant council, ReportSnapshot report, String baseUrl) {
        if (report.appendices().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3 id=\"appendices\">Appendices</h3><ul>");
        for (DocumentRef appendix : report.appendices()) {
            String url = baseUrl + "/reports/" + report.reportId() + "/appendices/" + appendix.number();
            html.append("<li>Appendix ").append(appendix.number()).append(": ").append(esc(appendix.title())).append(" (")
                    .append(esc(Pages.typeName(appendix.extension()))).append(", ").append(Text.size(appendix.size()))
                    .append("): <a href=\"").append(esc(url)).append("\">").append(esc(url)).append("</a></li>");
        }
        return html.append("</ul>").toString();
    }

    /**
     * Renders the HTML, then appends the appendices that are PDFs. An appendix that cannot be read (stored before
     * uploads were parsed, or damaged since) is replaced by a page that names it and links to it as a document of
     * its own; if appending fails all the same, the pack is made again with every appendix as such a page. One bad
     * file never takes the pack down for everyone.
     */
    private static byte[] render(Tenant council, String title, String body, List<String[]> bookmarks,
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
                return layout(council, title, body, bookmarks, linked, reproduced, sources);
            } catch (RuntimeException e) {
                if (reproduced.isEmpty()) {
                    throw e;
                }
                log.warn("The agenda pack '{}' could not take its appendices ({}); they are linked instead", title, e.toString());
                return layout(council, title, body, bookmarks, appended, List.of(), List.of());
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

    private static byte[] layout(Tenant council, String title, String body, List<String[]> bookmarks,
            List<Appended> linked, List<Appended> reproduced, List<PDDocument> sources) {
        StringBuilder html = new StringBuilder(body);
        List<String[]> marks = new ArrayList<>(bookmarks);
        int n = 0;
        for (Appended appendix : linked) {
            String anchor = "not-reproduced-" + ++n;
            marks.add(new String[] {appendix.title(), "#" + anchor});
            html.append("<section class=\"part\"><h2 id=\"").append(anchor).append("\">").append(esc(appendix.title()))
                    .append("</h2><p>This appendix could not be reproduced in this pack. It is available as a separate document at:</p>")
                    .append("<p><a href=\"").append(esc(appendix.url())).append("\">").append(esc(appendix.url()))
                    .append("</a></p></section>");
        }
        Document document = Jsoup.parse("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title></title>"
                + "<style>" + CSS + "</style></head><body>" + html + "</body></html>");
        document.title(title);
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
            pdf.getDocumentCatalog().setLanguage("en-GB");
            for (int i = 0; i < reproduced.size(); i++) {
                append(pdf, sources.get(i), reproduced.get(i));
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
    private static void append(PDDocument document, PDDocument source, Appended appendix) throws IOException {
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
            figure.setAlternateDescription(appendix.title() + ", page " + (i + 1) + " of " + pages
                    + ", reproduced as supplied. The appendix is available as a separate document at " + appendix.url());
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
