package org.councilflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.councilflow.devservices.DevServices;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the run's real SMTP server (GreenMail) received: the application's and Keycloak's own e-mail. */
public final class Mailbox {

    private Mailbox() {
    }

    /** The text of every message to {@code address}, oldest first. */
    public static List<String> to(String address) {
        List<String> texts = new ArrayList<>();
        try {
            for (MimeMessage message : DevServices.smtp().receivedMessages()) {
                for (Address to : message.getAllRecipients()) {
                    if (to.toString().equalsIgnoreCase(address)) {
                        texts.add(message.getSubject() + "\n" + text(message));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /** The first match of {@code pattern}'s group 1 in the newest message to {@code address} that has one. */
    public static String find(String address, Pattern pattern) {
        List<String> texts = to(address);
        for (int i = texts.size() - 1; i >= 0; i--) {
            Matcher m = pattern.matcher(texts.get(i));
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("No message to " + address + " matches " + pattern + "; received: " + texts);
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return "";
    }
}
