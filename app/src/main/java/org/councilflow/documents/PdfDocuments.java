package org.councilflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * A PDF checked through and through before it is accepted: it opens without a password, every object in it
 * parses, it has pages whose contents decompress (within a limit), and nothing in it runs: no JavaScript and no
 * action that launches a program. Anything that starts with {@code %PDF-} is not yet a PDF; a damaged one would
 * otherwise be found only when the agenda pack is made, for everyone who asks for it.
 */
final class PdfDocuments {

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");

    private PdfDocuments() {
    }

    static void inspect(byte[] bytes, String shownName, DocumentsProperties limits) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            var cos = document.getDocument();
            for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
                COSObject object = cos.getObjectFromPool(key);
                if (activeContent(object.getObject(), new IdentityHashMap<>())) {
                    throw new DocumentRefusedException("'" + shownName + "' contains JavaScript or an action that launches"
                            + " a program; save or print it as a plain PDF and upload that",
                            DocumentRefusedException.Reason.ACTIVE_CONTENT);
                }
            }
            if (document.getNumberOfPages() == 0) {
                throw unreadable(shownName, "it has no pages");
            }
            long decoded = 0;
            byte[] buffer = new byte[64 * 1024];
            for (PDPage page : document.getPages()) {
                try (InputStream contents = page.getContents()) {
                    int read;
                    while ((read = contents.read(buffer)) >= 0) {
                        decoded += read;
                        if (decoded > limits.maxExpandedSize().toBytes()) {
                            throw new DocumentRefusedException("'" + shownName + "' has page contents that decompress to more than "
                                    + limits.maxExpandedSize().toMegabytes() + " MB", DocumentRefusedException.Reason.TOO_LARGE);
                        }
                    }
                }
            }
        } catch (InvalidPasswordException e) {
            throw new DocumentRefusedException("'" + shownName + "' is locked with a password; upload a copy without one",
                    DocumentRefusedException.Reason.ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException refused) {
                throw refused;
            }
            throw unreadable(shownName, "it is damaged or not really a PDF");
        } catch (StackOverflowError e) {
            throw unreadable(shownName, "its objects nest without end");
        }
    }

    private static DocumentRefusedException unreadable(String shownName, String why) {
        return new DocumentRefusedException("'" + shownName + "' cannot be read as a PDF: " + why,
                DocumentRefusedException.Reason.UNREADABLE);
    }

    /** A JavaScript or launch action, or JavaScript code, in the object or in the direct objects inside it. */
    private static boolean activeContent(COSBase object, Map<COSBase, Boolean> seen) {
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return false;
        }
        if (object instanceof COSDictionary dictionary) {
            COSBase subtype = dictionary.getItem(COSName.S);
            if (JAVASCRIPT.equals(subtype) || LAUNCH.equals(subtype) || dictionary.containsKey(JS)) {
                return true;
            }
            for (COSBase value : dictionary.getValues()) {
                // indirect objects are visited on their own, from the cross-reference table
                if (!(value instanceof COSObject) && activeContent(value, seen)) {
                    return true;
                }
            }
        } else if (object instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase value = array.get(i);
                if (!(value instanceof COSObject) && activeContent(value, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
