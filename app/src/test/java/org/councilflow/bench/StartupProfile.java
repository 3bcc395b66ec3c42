package org.councilflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a start went, from its Flight Recorder file: Spring's start-up steps (recorded when the application runs with
 * {@code -Dcouncilflow.startup.jfr=true}) and the CPU samples of the start, attributed to the first library frame
 * from the top of each stack, and whether class loading was on the stack.
 */
final class StartupProfile {

    /** Libraries by package prefix, most specific first. */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"org.councilflow.", "CouncilFlow"}, new String[] {"org.flowable.", "Flowable"},
            new String[] {"org.apache.ibatis.", "MyBatis (Flowable)"}, new String[] {"com.vaadin.", "Vaadin"},
            new String[] {"org.atmosphere.", "Vaadin (Atmosphere)"}, new String[] {"org.flywaydb.", "Flyway"},
            new String[] {"org.apache.catalina.", "Tomcat"}, new String[] {"org.apache.tomcat.", "Tomcat"},
            new String[] {"org.hibernate.validator.", "Hibernate Validator"}, new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.springframework.boot.", "Spring Boot"}, new String[] {"org.springframework.", "Spring"},
            new String[] {"org.springdoc.", "springdoc"}, new String[] {"io.swagger.", "springdoc"},
            new String[] {"org.keycloak.", "Keycloak client"}, new String[] {"org.jboss.resteasy.", "Keycloak client"},
            new String[] {"com.fasterxml.", "Jackson"}, new String[] {"com.nimbusds.", "Nimbus JOSE (JWT)"}, new String[] {"org.postgresql.", "PostgreSQL driver"},
            new String[] {"com.zaxxer.", "Hikari"}, new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"ch.qos.logback.", "Logback"}, new String[] {"org.yaml.", "SnakeYAML"},
            new String[] {"gg.jte.", "JTE"}, new String[] {"net.bytebuddy.", "ByteBuddy"},
            new String[] {"org.aspectj.", "AspectJ"}, new String[] {"io.github.classgraph.", "ClassGraph (Vaadin)"});

    private StartupProfile() {
    }

    static Map<String, Object> of(Path recording) throws IOException {
        return of(recording, null);
    }

    /**
     * As {@link #of(Path)}, counting only the threads whose name starts with {@code threadPrefix} (all when null), with
     * their socket reads (each a wait for PostgreSQL or another server's answer: round trips and the time they took).
     */
    static Map<String, Object> of(Path recording, String threadPrefix) throws IOException {
        long socketReads = 0;
        Duration socketWait = Duration.ZERO;
        Map<String, Integer> readsByPort = new HashMap<>();
        Map<String, Duration> beans = new HashMap<>();
        Map<String, Duration> steps = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byOurFrame = new HashMap<>();
        int samples = 0;
        int classLoading = 0;
        long classesLoaded = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (threadPrefix != null && !onThread(event, threadPrefix)) {
                continue;
            }
            if (type.equals("jdk.SocketRead")) {
                socketReads++;
                socketWait = socketWait.plus(event.getDuration());
                readsByPort.merge(String.valueOf(event.getInt("port")), 1, Integer::sum);
            } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.stream().anyMatch(f -> f.getMethod().getType().getName().equals("java.lang.ClassLoader")
                        && f.getMethod().getName().startsWith("defineClass"))) {
                    classLoading++;
                }
                byLibrary.merge(library(frames), 1, Integer::sum);
                frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.councilflow.")).findFirst()
                        .ifPresent(f -> byOurFrame.merge(f.getMethod().getType().getName().replace("org.councilflow.", "")
                                + "." + f.getMethod().getName(), 1, Integer::sum));
            } else if (type.equals("jdk.ClassLoadingStatistics")) {
                classesLoaded = Math.max(classesLoaded, event.getLong("loadedClassCount"));
            } else if (type.endsWith("FlightRecorderStartupEvent")) {
                String name = event.getString("name");
                steps.merge(name, event.getDuration(), Duration::plus);
                if (name.equals("spring.beans.instantiate")) {
                    String tags = event.getString("tags");
                    String bean = tags == null ? "?" : tags.replaceAll(".*beanName=([^,\\]}]+).*", "$1");
                    beans.merge(bean, event.getDuration(), Duration::plus);
                }
            }
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        if (threadPrefix != null) {
            profile.put("threads", threadPrefix + "*");
            profile.put("socketReads", socketReads);
            profile.put("socketReadsByRemotePort", readsByPort);
            profile.put("socketWaitSeconds", Math.round(socketWait.toMillis() / 10.0) / 100.0);
        }
        profile.put("cpuSamples", samples);
        profile.put("cpuSamplesWithClassDefinitionOnStack", classLoading);
        profile.put("classesLoaded", classesLoaded);
        profile.put("cpuSamplesByFirstLibraryFrame", top(byLibrary, 15));
        profile.put("cpuSamplesByNearestCouncilFlowFrame", top(byOurFrame, 15));
        profile.put("springStepsSecondsSummed", top(seconds(steps), 10));
        // inclusive: a bean's time includes the beans it needed created first
        profile.put("slowestBeansSecondsInclusive", top(seconds(beans), 20));
        return profile;
    }

    private static boolean onThread(RecordedEvent event, String prefix) {
        var thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(prefix);
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (String[] library : LIBRARIES) {
                if (type.startsWith(library[0])) {
                    return library[1];
                }
            }
        }
        return frames.isEmpty() ? "?" : "JDK only: " + frames.get(0).getMethod().getType().getName();
    }

    private static Map<String, Double> seconds(Map<String, Duration> durations) {
        Map<String, Double> seconds = new HashMap<>();
        durations.forEach((k, v) -> seconds.put(k, Math.round(v.toMillis() / 10.0) / 100.0));
        return seconds;
    }

    private static <N extends Number> Map<String, N> top(Map<String, N> values, int n) {
        Map<String, N> top = new LinkedHashMap<>();
        values.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue().doubleValue(), a.getValue().doubleValue()))
                .limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
