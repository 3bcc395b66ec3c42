package org.councilflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.devservices.PostgresService;
import org.councilflow.support.DemoData;
import org.councilflow.support.LivingDemo;
import org.flowable.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import jakarta.mail.internet.MimeMessage;

/**
 * The local demo instance: a real PostgreSQL and a real Keycloak, both keeping their data under
 * {@code .local-data/} so demo work survives a restart, then CouncilFlow itself with the living demo of the three
 * demo councils ({@link LivingDemo}). Ctrl-C stops all three. Run it with {@code ./run-local.sh}, which names this
 * class as the main class of {@code spring-boot:test-run} (app/pom.xml).
 */
public class TestCouncilFlowApplication {

    static final int APP_PORT = Integer.getInteger("councilflow.local.port", 8080);
    static final int KEYCLOAK_PORT = Integer.getInteger("councilflow.local.keycloak-port", 8180);
    static final int POSTGRES_PORT = Integer.getInteger("councilflow.local.postgres-port", 54329);

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Path data = DevServices.repositoryRoot().resolve(".local-data");
        PostgresService postgres = DevServices.persistentPostgres(data.resolve("postgres"), POSTGRES_PORT);
        KeycloakService keycloak = DevServices.persistentKeycloak(data.resolve("keycloak"), KEYCLOAK_PORT);
        Path mail = Files.createDirectories(data.resolve("mail"));
        // for run-local.sh: a warm restart with nothing changed starts this class path without Maven
        String mode = System.getenv("COUNCILFLOW_LOCAL_MODE");
        if (mode != null) {
            Files.writeString(data.resolve("classpath"), mode + "\n" + System.getProperty("java.class.path") + "\n");
        }

        System.setProperty("spring.datasource.url", postgres.jdbcUrl());
        System.setProperty("spring.datasource.username", postgres.username());
        System.setProperty("spring.datasource.password", postgres.password());
        System.setProperty("spring.flyway.user", postgres.ownerUsername());
        System.setProperty("spring.flyway.password", postgres.ownerPassword());
        System.setProperty("councilflow.identity.issuer-uri", keycloak.issuerUri());
        System.setProperty("spring.mail.host", DevServices.smtp().host());
        System.setProperty("spring.mail.port", String.valueOf(DevServices.smtp().port()));
        System.setProperty("server.port", String.valueOf(APP_PORT));
        // demo logins with a known password: reachable from this machine only, like Keycloak and PostgreSQL
        System.setProperty("server.address", "127.0.0.1");
        System.setProperty("management.server.address", "127.0.0.1");
        System.setProperty("spring.profiles.active", "local");

        ConfigurableApplicationContext context = SpringApplication.run(CouncilFlowApplication.class, args);
        DemoData.seed(postgres, PostgresService.DATABASE);
        try {
            List<String> seeded = LivingDemo.seed("http://localhost:" + APP_PORT, context.getBean(ProcessEngine.class));
            seeded.forEach(line -> System.out.println("Demo data: " + line));
        } catch (RuntimeException e) {
            // the product runs all the same; what is missing shows, and CI's smoke check fails on it
            System.err.println("Demo data incomplete: " + e.getMessage());
        }
        keepMail(mail);

        String app = "http://localhost:" + APP_PORT;
        System.out.printf("""

                ==== CouncilFlow is ready (%.0f s) ==========================================================
                Staff UI        %s/   (sign in with a demo login below)
                Public sites    %s/councils/barnet   %s/councils/tower-hamlets   %s/councils/barnsley
                                %s/councils/denbighshire   (Welsh and English: the switch on every page)
                Keycloak admin  %s/admin   (admin / admin)
                Mail sent       %s   (one .eml file per message; SMTP catcher on port %d)
                Demo logins     password "demo"; barnet.* (likewise tower-hamlets.*, barnsley.*):
                                author, manager, board-chair, board, clerk, member, tenant-admin;
                                partner.director, platform.admin;
                                denbighshire.admin@demo.councilflow.test (likewise .clerk, .author, .manager)
                Data            %s   (delete it to start afresh)
                Stop            Ctrl-C
                ==============================================================================================
                %n""", (System.nanoTime() - started) / 1e9, app, app, app, app, app, keycloak.baseUrl(), mail,
                DevServices.smtp().port(), data);
    }

    /** GreenMail keeps mail in memory only: each message it catches is written to {@code .local-data/mail/}. */
    private static void keepMail(Path directory) {
        var writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-mail");
            t.setDaemon(true);
            return t;
        });
        int[] written = {0};
        writer.scheduleWithFixedDelay(() -> {
            MimeMessage[] received = DevServices.smtp().receivedMessages();
            for (; written[0] < received.length; written[0]++) {
                try (OutputStream out = Files.newOutputStream(directory.resolve(
                        "%d-%03d.eml".formatted(System.currentTimeMillis(), written[0])))) {
                    received[written[0]].writeTo(out);
                } catch (Exception e) {
                    System.err.println("Could not keep a sent mail: " + e.getMessage());
                }
            }
        }, 1, 2, TimeUnit.SECONDS);
    }
}
