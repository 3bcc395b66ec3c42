package org.councilflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/** Real PDFs for uploads: uploads are parsed through, so a few bytes that start with {@code %PDF-} no longer pass. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A change made to the document before it is saved: encryption, scripts, broken structure… */
    public interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    /**
     * The text of a PDF as PDFBox extracts it (what search engines and screen readers get), white space and no-break
     * spaces run together into single spaces, without the page footers ("Page 2 of 18", which stand at the start of
     * each page's text, so inside a paragraph that runs on to the next page), so that it compares with the text that
     * was entered.
     */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalise(new PDFTextStripper().getText(document).replaceAll("Page \\d+ of \\d+", " "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No-break spaces as spaces, runs of white space as one space, stripped. */
    public static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A one-page PDF with the given lines of text, as councils upload appendices. */
    public static byte[] onePage(String... lines) {
        return onePage(document -> { }, lines);
    }

    /** A one-page PDF with the given lines of text, changed by {@code edit} before it is saved. */
    public static byte[] onePage(Edit edit, String... lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            edit.apply(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
