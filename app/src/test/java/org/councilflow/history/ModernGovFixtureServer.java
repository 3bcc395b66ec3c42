package org.councilflow.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A ModernGov site on loopback serving the fixtures of {@code /moderngov/} as its {@code mgWebService.asmx} answers
 * plain GETs. Like some real sites it ignores {@code sFromDate}/{@code sToDate}. A test may replace an answer, make
 * one fail, or hold {@code GetCommittees} until released.
 */
public final class ModernGovFixtureServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile CountDownLatch hold;

    public ModernGovFixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mg/mgWebService.asmx/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The site's base URL (the service is below it). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mg";
    }

    /** Answers {@code name} (e.g. "GetMeeting-1002.xml") with other content from now on. */
    public void replace(String name, String content) {
        replaced.put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public void fail(String name, int status) {
        failing.put(name, status);
    }

    public CountDownLatch holdCommittees() {
        hold = new CountDownLatch(1);
        return hold;
    }

    public int requests() {
        return requests.get();
    }

    public static String fixture(String name) {
        try (InputStream in = ModernGovFixtureServer.class.getResourceAsStream("/moderngov/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String operation = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0].toLowerCase(), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        String name = switch (operation) {
            case "GetCommittees" -> "GetCommittees.xml";
            case "GetMeetings" -> "GetMeetings-" + query.get("lcommitteeid") + ".xml";
            case "GetMeeting" -> "GetMeeting-" + query.get("lmeetingid") + ".xml";
            default -> "none";
        };
        if (name.equals("GetCommittees.xml") && hold != null) {
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = replaced.get(name);
        if (body == null) {
            try (InputStream in = getClass().getResourceAsStream("/moderngov/" + name)) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        Integer status = failing.get(name);
        if (status != null || body == null) {
            body = "Server Error".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 500 : status, body.length);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (hold != null) {
            hold.countDown();
        }
        server.stop(0);
    }
}
