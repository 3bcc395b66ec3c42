package org.councilflow;

import java.nio.file.Path;

import org.councilflow.devservices.DevServices;
import org.councilflow.devservices.KeycloakService;
import org.councilflow.devservices.PostgresService;
import org.councilflow.support.DemoData;

/**
 * The local demo instance: a real PostgreSQL and a real Keycloak, both keeping their data under
 * {@code .local-data/} so demo work survives a restart, then CouncilFlow itself. Ctrl-C stops all three.
 * Run it with {@code ./run-local.sh}.
 */
public class TestCouncilFlowApplication {

    static final int APP_PORT = Integer.getInteger("councilflow.local.port", 8080);
    static final int KEYCLOAK_PORT = Integer.getInteger("councilflow.local.keycloak-port", 8180);
    static final int POSTGRES_PORT = Integer.getInteger("councilflow.local.postgres-port", 54329);

    public static void main(String[] args) {
        Path data = DevServices.repositoryRoot().resolve(".local-data");
        PostgresService postgres = DevServices.persistentPostgres(data.resolve("postgres"), POSTGRES_PORT);
        KeycloakService keycloak = DevServices.persistentKeycloak(data.resolve("keycloak"), KEYCLOAK_PORT);

        System.setProperty("spring.datasource.url", postgres.jdbcUrl());
        System.setProperty("spring.datasource.username", postgres.username());
        System.setProperty("spring.datasource.password", postgres.password());
        System.setProperty("spring.flyway.user", postgres.ownerUsername());
        System.setProperty("spring.flyway.password", postgres.ownerPassword());
        System.setProperty("councilflow.identity.issuer-uri", keycloak.issuerUri());
        System.setProperty("spring.mail.host", DevServices.smtp().host());
        System.setProperty("spring.mail.port", String.valueOf(DevServices.smtp().port()));
        System.setProperty("server.port", String.valueOf(APP_PORT));
        System.setProperty("spring.profiles.active", "local");

        CouncilFlowApplication.main(args);
        DemoData.seed(postgres, PostgresService.DATABASE);

        System.out.printf("""

                CouncilFlow is running at http://localhost:%d
                Keycloak (admin/admin): %s/admin   PostgreSQL: %s   SMTP (GreenMail, kept in memory): port %d
                Demo logins (password "demo"): barnet.author, barnet.manager, barnet.board, barnet.board-chair,
                  barnet.clerk, barnet.member, barnet.tenant-admin (likewise tower-hamlets.* and barnsley.*),
                  partner.director (Barnet board chair, Tower Hamlets manager), platform.admin
                Data is kept in %s. Press Ctrl-C to stop.
                %n""", APP_PORT, keycloak.baseUrl(), postgres.jdbcUrl(), DevServices.smtp().port(), data);
    }
}
