package org.councilflow.history.moderngov;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a council's {@code mgWebService.asmx} with plain HTTP GETs: connection and answer time-outs, no redirects
 * followed, answers over the size limit refused unread, at most a set number of calls per run, and (unless allowed)
 * no address on loopback, link-local or private networks.
 */
public final class ModernGovClient {

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxBytes;
    private final int maxRequests;
    private final AtomicInteger requests = new AtomicInteger();

    /**
     * @param baseUrl the site's address, e.g. {@code https://democracy.example.gov.uk} (the service is below it)
     */
    public ModernGovClient(String baseUrl, Duration connectTimeout, Duration requestTimeout, long maxBytes,
            int maxRequests, boolean allowPrivateNetworks) {
        this.base = checked(baseUrl, allowPrivateNetworks);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.maxRequests = maxRequests;
    }

    public XmlTree committees() {
        return get("GetCommittees", "");
    }

    public XmlTree meetings(String committeeId, LocalDate from, LocalDate to) {
        return get("GetMeetings", "lCommitteeId=" + encode(committeeId) + "&sFromDate=" + encode(ModernGovDates.format(from))
                + "&sToDate=" + encode(ModernGovDates.format(to)));
    }

    public XmlTree meeting(String meetingId) {
        return get("GetMeeting", "lMeetingId=" + encode(meetingId));
    }

    private XmlTree get(String operation, String query) {
        if (requests.incrementAndGet() > maxRequests) {
            throw new ModernGovFormatException("More than " + maxRequests + " calls to the web service in one run");
        }
        String path = base.getPath().replaceAll("/+$", "") + "/mgWebService.asmx/" + operation;
        URI uri = base.resolve(path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "text/xml, application/xml")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ModernGovFormatException(operation + " answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new ModernGovFormatException(operation + " answered " + declared + " bytes; at most " + maxBytes
                            + " are read");
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                return XmlTree.parse(bytes, maxBytes);
            }
        } catch (IOException e) {
            throw new ModernGovFormatException(operation + " could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModernGovFormatException(operation + " was interrupted");
        }
    }

    private static URI checked(String baseUrl, boolean allowPrivateNetworks) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new ModernGovFormatException("baseUrl is not an address");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ModernGovFormatException("baseUrl must be an http or https address with a host and no query");
        }
        if (!allowPrivateNetworks) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                            || address.isAnyLocalAddress() || address.isMulticastAddress()
                            || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                        throw new ModernGovFormatException("baseUrl names an address on a private network");
                    }
                }
            } catch (UnknownHostException e) {
                throw new ModernGovFormatException("baseUrl's host is not known: " + uri.getHost());
            }
        }
        return uri;
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
