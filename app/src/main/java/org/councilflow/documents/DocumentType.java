package org.councilflow.documents;

/**
 * The document types councils attach to their papers, recognised from the bytes themselves, never from the file
 * name or the type the browser claims: a PDF by its header, Word and Excel files by the parts their package's
 * directory lists.
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

    /** Whether the bytes start as a PDF does (whether they are one, {@link Documents#check} finds out). */
    public static boolean isPdf(byte[] bytes) {
        return startsWith(bytes, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Whether the bytes start as a zip archive does, as Word and Excel packages are. */
    public static boolean isZip(byte[] bytes) {
        return startsWith(bytes, new byte[] {'P', 'K', 3, 4});
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
