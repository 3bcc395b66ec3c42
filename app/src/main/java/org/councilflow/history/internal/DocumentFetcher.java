package org.councilflow.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.councilflow.documents.CheckedDocument;
import org.councilflow.documents.DocumentRefusedException;
import org.councilflow.documents.Documents;
import org.councilflow.documents.DocumentsProperties;
import org.councilflow.history.HistoryProperties;
import org.springframework.stereotype.Component;

/**
 * Fetches a linked document of an import (when the run asks for it) with the checks of an upload: at most the
 * documents' size limit read, its type from its bytes and its soundness checked by {@link Documents#check}, its
 * SHA-256 taken. Only http and https; an address on a private, link-local or any-local network is never read, nor
 * loopback unless the deployment allows private networks (tests serve fixtures there); each redirect is checked the
 * same way before it is followed. What cannot be fetched is kept as a link, with why.
 */
@Component
class DocumentFetcher {

    private static final int MAX_REDIRECTS = 3;

    /** A fetched and checked document, or why the link is kept instead. */
    record Fetched(CheckedDocument document, String refusal) {
    }

    private final Documents documents;
    private final HttpClient http;
    private final HistoryProperties properties;
    private final long maxBytes;

    DocumentFetcher(Documents documents, HistoryProperties properties, DocumentsProperties limits) {
        this.documents = documents;
        this.properties = properties;
        this.maxBytes = limits.maxSize().toBytes();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Never inside a transaction: the document is read and checked in full first. */
    Fetched fetch(String url) {
        try {
            URI uri = URI.create(url.strip());
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                String refused = refusal(uri);
                if (refused != null) {
                    return new Fetched(null, refused);
                }
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout()).GET().build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                        uri = uri.resolve(response.headers().firstValue("Location").get().strip());
                        continue;
                    }
                    if (status != 200) {
                        return new Fetched(null, "answered HTTP " + status);
                    }
                    if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
                        return new Fetched(null, "larger than the " + maxBytes / 1_048_576 + " MB an upload may be");
                    }
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (bytes.length > maxBytes) {
                        return new Fetched(null, "larger than the " + maxBytes / 1_048_576 + " MB an upload may be");
                    }
                    return new Fetched(documents.check(filename(uri), bytes), null);
                }
            }
            return new Fetched(null, "more than " + MAX_REDIRECTS + " redirects");
        } catch (DocumentRefusedException e) {
            return new Fetched(null, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Fetched(null, "not an address");
        } catch (IOException e) {
            return new Fetched(null, "could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(null, "the import was stopped");
        }
    }

    /** Why this address is not read; null when it may be. */
    private String refusal(URI uri) {
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null || uri.getUserInfo() != null) {
            return "not an http or https address";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() ? !properties.allowPrivateNetworks()
                        : address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                                || address.isMulticastAddress()
                                || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return "its address is on a private network";
                }
            }
        } catch (UnknownHostException e) {
            return "its host is not known";
        }
        return null;
    }

    private static String filename(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }
}
