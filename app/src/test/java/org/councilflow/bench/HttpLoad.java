package org.councilflow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator on raw sockets: {@code concurrency} threads, each on its own keep-alive
 * connection (reopened when the server closes it), sending GETs back to back for a fixed time. Light enough that
 * on a 2-core machine it takes the same share of CPU from whichever server it measures; the same code measures
 * CouncilFlow and the static-file server.
 */
final class HttpLoad {

    private HttpLoad() {
    }

    /** What one run measured: requests per second, latency percentiles, status codes, bytes per response. */
    record Result(long requests, double seconds, long[] latencies, Map<Integer, Long> statuses, long bodyBytes) {

        double perSecond() {
            return requests / seconds;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requestsPerSecond", Math.round(perSecond() * 10) / 10.0);
            figures.put("requests", requests);
            figures.putAll(BenchReport.percentiles(latencies));
            figures.put("statuses", new TreeMap<>(statuses));
            figures.put("bytesPerResponse", requests == 0 ? 0 : bodyBytes / requests);
            return figures;
        }
    }

    static Result run(int port, String path, int concurrency, double seconds) throws InterruptedException {
        long[][] perThread = new long[concurrency][];
        int[] counts = new int[concurrency];
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        Thread[] threads = new Thread[concurrency];
        for (int t = 0; t < concurrency; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                Connection connection = null;
                try {
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    while (System.nanoTime() < end) {
                        if (connection == null) {
                            connection = new Connection(port);
                        }
                        long start = System.nanoTime();
                        Response response = connection.get(path);
                        long took = System.nanoTime() - start;
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                        statuses.merge(response.status(), 1L, Long::sum);
                        bytes.addAndGet(response.bodyBytes());
                        if (response.close()) {
                            connection.close();
                            connection = null;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    statuses.merge(-1, 1L, Long::sum); // a connection error, counted as status -1
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                    perThread[index] = latencies;
                    counts[index] = n;
                }
            }, "load-" + t);
            threads[t].start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        return new Result(total, elapsed, all, statuses, bytes.get());
    }

    /** One GET: the whole body is read (and kept, so that it can be compared or saved). */
    static byte[] fetch(int port, String path) throws IOException {
        Connection connection = new Connection(port);
        try {
            Response response = connection.get(path, true);
            if (response.status() != 200) {
                throw new IOException("GET " + path + " answered " + response.status());
            }
            return response.body();
        } finally {
            connection.close();
        }
    }

    private record Response(int status, long bodyBytes, boolean close, byte[] body) {
    }

    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final int port;

        Connection(int port) throws IOException {
            this.port = port;
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        Response get(String path) throws IOException {
            return get(path, false);
        }

        Response get(String path, boolean keep) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUser-Agent: councilflow-bench\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed before a response");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:")) {
                    close = lower.contains("close") || (close && !lower.contains("keep-alive"));
                }
            }
            ByteArrayOutputStream body = keep ? new ByteArrayOutputStream() : null;
            long read;
            if (chunked) {
                read = 0;
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    read += copy(size, body);
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                read = copy(length, body);
            } else {
                read = copy(Long.MAX_VALUE, body); // until the server closes
                close = true;
            }
            return new Response(status, read, close, keep ? body.toByteArray() : null);
        }

        private long copy(long count, ByteArrayOutputStream body) throws IOException {
            byte[] buffer = new byte[8192];
            long done = 0;
            while (done < count) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - done));
                if (n < 0) {
                    if (count == Long.MAX_VALUE) {
                        break;
                    }
                    throw new IOException("connection closed mid-body");
                }
                if (body != null) {
                    body.write(buffer, 0, n);
                }
                done += n;
            }
            return done;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection we are done with
            }
        }
    }
}
