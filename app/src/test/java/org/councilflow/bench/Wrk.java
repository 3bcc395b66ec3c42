package org.councilflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk} (Debian's, {@code deploy/bench/install-nginx.sh} installs it) as the load generator: written in C on
 * epoll, it takes far less of the 2 cores than a Java generator would, so the servers it measures get more of them.
 * Closed loop, keep-alive, {@code connections} connections over at most two threads, {@code --latency} for the
 * percentiles (wrk measures them with HdrHistogram, corrected for coordinated omission only in wrk2, not here).
 */
final class Wrk {

    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static String version() {
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "-v").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** What one run measured. */
    record Result(double perSecond, long requests, Map<String, Double> percentilesMillis, long non2xx3xx, long socketErrors,
            String output) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requestsPerSecond", Math.round(perSecond * 10) / 10.0);
            figures.put("requests", requests);
            percentilesMillis.forEach((p, ms) -> figures.put(p + "Millis", Math.round(ms * 1000) / 1000.0));
            figures.put("non2xx3xx", non2xx3xx);
            figures.put("socketErrors", socketErrors);
            return figures;
        }

        double p99() {
            return percentilesMillis.getOrDefault("p99", Double.NaN);
        }
    }

    static Result run(int port, String path, int connections, int seconds) throws IOException, InterruptedException {
        int threads = Math.min(2, connections);
        Process process = new ProcessBuilder(BINARY.toString(), "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", "http://127.0.0.1:" + port + path).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("wrk said nothing readable: " + out);
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher percentile = PERCENTILE.matcher(out);
        while (percentile.find()) {
            percentiles.put("p" + percentile.group(1), millis(Double.parseDouble(percentile.group(2)), percentile.group(3)));
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        long socketErrors = 0;
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(errors.group(g));
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), percentiles,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors, out);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
