package org.councilflow.documents;

/**
 * An upload that passed every check of {@link Documents#check}: only these are stored. The checks read the whole
 * file (a PDF is parsed, a Word or Excel package's directory is read), so they run before any transaction opens and
 * a hostile file never holds a database connection.
 */
public final class CheckedDocument {

    private final String filename;
    private final DocumentType type;
    private final byte[] content;
    private final String sha256;

    CheckedDocument(String filename, DocumentType type, byte[] content, String sha256) {
        this.filename = filename;
        this.type = type;
        this.content = content;
        this.sha256 = sha256;
    }

    /** The name to offer on download: the uploader's, cleaned, with the extension of what the file really is. */
    public String filename() {
        return filename;
    }

    public DocumentType type() {
        return type;
    }

    public int size() {
        return content.length;
    }

    public String sha256() {
        return sha256;
    }

    byte[] content() {
        return content;
    }
}
