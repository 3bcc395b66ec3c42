package org.councilflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one benchmark: printed as they are recorded, and written with the machine they were measured on
 * to {@code target/bench/<name>.json} by {@link #write()}.
 */
public final class BenchReport {

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public BenchReport(String name) {
        this.name = name;
    }

    /** Records a figure (a number, a text such as a query plan, or a nested map) and prints it. */
    public BenchReport put(String key, Object value) {
        figures.put(key, value);
        System.out.printf("[bench %s] %s = %s%n", name, key, value);
        return this;
    }

    /** p50, p95, p99 and max of latencies in nanoseconds, as milliseconds. */
    public static Map<String, Object> percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("samples", sorted.length);
        result.put("p50Ms", millis(at(sorted, 0.50)));
        result.put("p95Ms", millis(at(sorted, 0.95)));
        result.put("p99Ms", millis(at(sorted, 0.99)));
        result.put("maxMs", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return result;
    }

    private static long at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** Writes the figures with the machine's description to {@code target/bench/<name>.json}. */
    public Path write() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", name);
        document.put("measuredAt", Instant.now().toString());
        document.put("machine", machine());
        document.put("figures", figures);
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            Path file = dir.resolve(name + ".json");
            json.writeValue(file.toFile(), document);
            System.out.printf("[bench %s] written to %s%n", name, file.toAbsolutePath());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("systemLoadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return machine;
    }
}
