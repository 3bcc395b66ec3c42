package org.councilflow.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Word and Excel packages recognised from their zip directory alone: no part is ever inflated, so a zip bomb costs
 * no more than its directory. The directory's declared sizes are capped (entries, total, ratio); a package whose
 * parts lie about their sizes is then only a bomb for whoever opens it, never for the server, which stores the
 * bytes as they came.
 */
final class OfficePackages {

    private static final long MEGABYTE = 1024 * 1024;

    private OfficePackages() {
    }

    /** The package's type, or empty if it is no Word or Excel package; refuses a package that expands too much. */
    static Optional<DocumentType> inspect(byte[] bytes, String shownName, DocumentsProperties limits) {
        Path file;
        try {
            // java.util.zip.ZipFile reads the central directory (and nothing else) of a file
            file = Files.createTempFile("councilflow-upload-", ".zip");
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("No room for an upload in the temporary directory", e);
        }
        try {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.size() > limits.maxEntries()) {
                    throw new DocumentRefusedException("'" + shownName + "' has " + zip.size() + " parts inside; at most "
                            + limits.maxEntries() + " are accepted", DocumentRefusedException.Reason.TOO_LARGE);
                }
                boolean contentTypes = false;
                boolean word = false;
                boolean excel = false;
                long total = 0;
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    long size = entry.getSize();
                    long compressed = entry.getCompressedSize();
                    if (size < 0 || compressed < 0) {
                        return Optional.empty();
                    }
                    total += size;
                    if (total > limits.maxExpandedSize().toBytes()) {
                        throw expands(shownName, "more than " + limits.maxExpandedSize().toMegabytes() + " MB");
                    }
                    if (size > MEGABYTE && size / Math.max(compressed, 1) > limits.maxCompressionRatio()) {
                        throw expands(shownName, size / Math.max(compressed, 1) + " times its size in one part");
                    }
                    String name = entry.getName();
                    contentTypes |= name.equals("[Content_Types].xml");
                    word |= name.equals("word/document.xml");
                    excel |= name.equals("xl/workbook.xml");
                }
                if (contentTypes && word && !excel) {
                    return Optional.of(DocumentType.DOCX);
                }
                if (contentTypes && excel && !word) {
                    return Optional.of(DocumentType.XLSX);
                }
                return Optional.empty();
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static DocumentRefusedException expands(String shownName, String how) {
        return new DocumentRefusedException("'" + shownName + "' would expand to " + how
                + " once opened (a zip bomb, or a document far larger than councils' papers)",
                DocumentRefusedException.Reason.TOO_LARGE);
    }
}
