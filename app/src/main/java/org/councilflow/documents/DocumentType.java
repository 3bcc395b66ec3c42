package org.councilflow.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The document types councils attach to their papers, recognised from the bytes themselves, never from the file
 * name or the type the browser claims: a PDF by its header, Word and Excel files by the parts inside their package.
 */
public enum DocumentType {

    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<DocumentType> detect(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes())) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            return officePackage(bytes);
        }
        return Optional.empty();
    }

    private static Optional<DocumentType> officePackage(byte[] bytes) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.equals("word/document.xml");
                excel |= name.equals("xl/workbook.xml");
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (contentTypes && word && !excel) {
            return Optional.of(DOCX);
        }
        if (contentTypes && excel && !word) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
