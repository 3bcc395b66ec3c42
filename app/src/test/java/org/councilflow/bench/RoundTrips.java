package org.councilflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts round trips to PostgreSQL with the Flight Recorder: every socket read from the database's port is an answer
 * the thread waited for (the driver reads a response through an 8 KiB buffer, so a read is one round trip unless the
 * answer is larger). Each step a client makes is marked by a {@link Step} event; a read is attributed to the step
 * running on the same thread (the bare engine, whose client thread makes the calls) or, for requests served by
 * Tomcat's threads, to the step whose time span holds it, which is exact with one client at a time.
 */
final class RoundTrips implements AutoCloseable {

    @Name("councilflow.bench.Step")
    @Label("Benchmark step")
    static final class Step extends Event {
        @Label("Step")
        String step;
    }

    private final int port;
    private final Path file;
    private final Recording recording = new Recording();

    private final boolean sources;
    private final Map<String, Integer> bySource = new TreeMap<>();

    RoundTrips(int port, String name) {
        this(port, name, false);
    }

    /** With {@code sources}, also where each round trip of the served requests comes from (stack traces: slower). */
    RoundTrips(int port, String name, boolean sources) {
        this.port = port;
        this.sources = sources;
        this.file = Path.of("target", "bench", name + ".jfr").toAbsolutePath();
        if (sources) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
        } else {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withoutStackTrace();
        }
        recording.enable(Step.class).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.start();
    }

    /** Runs a step marked for attribution. */
    static <T> T step(String name, java.util.function.Supplier<T> work) {
        Step event = new Step();
        event.step = name;
        event.begin();
        try {
            return work.get();
        } finally {
            event.commit();
        }
    }

    record Span(long thread, Instant start, Instant end, String step) {
    }

    /**
     * Stops and returns, per step, the mean round trips: reads by Tomcat's request threads ({@code http-nio*})
     * within the step's time span when {@code served}, else reads by the step's own thread.
     */
    Map<String, Object> perStep(boolean served) {
        recording.stop();
        List<Span> spans = new ArrayList<>();
        List<RecordedEvent> reads = new ArrayList<>();
        try {
            Files.createDirectories(file.getParent());
            recording.dump(file);
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                String type = event.getEventType().getName();
                if (type.equals("councilflow.bench.Step")) {
                    spans.add(new Span(event.getThread().getJavaThreadId(), event.getStartTime(), event.getEndTime(),
                            event.getString("step")));
                } else if (type.equals("jdk.SocketRead") && event.getInt("port") == port && event.getThread() != null) {
                    reads.add(event);
                }
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, long[]> sums = new TreeMap<>();
        spans.forEach(span -> sums.computeIfAbsent(span.step(), k -> new long[2])[1]++);
        long total = 0;
        for (RecordedEvent read : reads) {
            String thread = read.getThread().getJavaName();
            boolean serving = thread != null && thread.startsWith("http-nio");
            if (served != serving) {
                continue;
            }
            for (Span span : spans) {
                boolean mine = served ? !read.getStartTime().isBefore(span.start()) && !read.getStartTime().isAfter(span.end())
                        : read.getThread().getJavaThreadId() == span.thread() && !read.getStartTime().isBefore(span.start())
                                && !read.getStartTime().isAfter(span.end());
                if (mine) {
                    if (sources && read.getStackTrace() != null) {
                        bySource.merge(span.step() + ": " + source(read), 1, Integer::sum);
                    }
                    sums.get(span.step())[0]++;
                    total++;
                    break;
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        long calls = 0;
        for (Map.Entry<String, long[]> sum : sums.entrySet()) {
            result.put(sum.getKey(), Math.round(10.0 * sum.getValue()[0] / sum.getValue()[1]) / 10.0);
            calls += sum.getValue()[1];
        }
        result.put("all steps, mean", calls == 0 ? 0 : Math.round(10.0 * total / calls) / 10.0);
        result.put("total", total);
        return result;
    }

    /** The round trips of the served requests by step and source, most first (with {@code sources} only). */
    Map<String, Integer> sources(int top) {
        Map<String, Integer> result = new LinkedHashMap<>();
        bySource.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** The application's frame nearest the read, and the engine command it runs in, if any. */
    private static String source(RecordedEvent read) {
        String ours = null;
        String command = null;
        for (var frame : read.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (ours == null && type.startsWith("org.councilflow.") && !type.contains("$$")) {
                ours = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
            if (command == null && type.startsWith("org.flowable.") && type.contains(".cmd.")) {
                command = type.substring(type.lastIndexOf('.') + 1);
            }
        }
        return (ours == null ? "?" : ours) + (command == null ? "" : " / " + command);
    }

    @Override
    public void close() {
        recording.close();
    }
}
