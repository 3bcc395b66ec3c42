package org.councilflow.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import org.flowable.engine.ProcessEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

import com.sun.net.httpserver.HttpServer;

/**
 * What a child process of CouncilFlow adds to the application, for tests that kill it: an engine clock the test can
 * move from outside ({@code PUT /clock} on {@code councilflow.test.clock-port}, body an instant), set to
 * {@code councilflow.test.clock-at} before the application serves its first request. The child runs the real
 * {@link org.councilflow.CouncilFlowApplication} main class with {@code --spring.main.sources} naming
 * {@link EngineClockControl} as an extra source: no second {@code main} on the test class path that could be taken
 * for the local run's application.
 */
public final class ChildApplication {

    private ChildApplication() {
    }

    /** Not a @Configuration (the component scan would find it): only the child process names it as a source. */
    public static class EngineClockControl implements DisposableBean {

        private final HttpServer server;

        EngineClockControl(ProcessEngine engine, Environment environment) throws IOException {
            String at = environment.getProperty("councilflow.test.clock-at");
            if (at != null) {
                engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(at)));
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                    environment.getRequiredProperty("councilflow.test.clock-port", Integer.class)), 0);
            server.createContext("/clock", exchange -> {
                try (exchange) {
                    String instant = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(Instant.parse(instant)));
                    exchange.sendResponseHeaders(204, -1);
                } catch (RuntimeException e) {
                    exchange.sendResponseHeaders(400, -1);
                }
            });
            server.start();
        }

        @Override
        public void destroy() {
            server.stop(0);
        }
    }
}
