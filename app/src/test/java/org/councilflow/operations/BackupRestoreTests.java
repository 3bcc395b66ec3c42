package org.councilflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The README's backup and restore of the whole platform, done as written: a PostgreSQL cluster with the roles of
 * {@code deploy/postgres/10-application-role.sql}, the application's migrations, a council's rows (a document among
 * them); {@code pg_dump --format=custom}, a new empty database, {@code pg_restore}; every row, policy, forced
 * row-level security and grant comes back. PostgreSQL's own client and server binaries of one version (Debian's
 * {@code postgresql-15}; the embedded test server has no {@code pg_dump}, and pg_dump refuses a newer server).
 */
class BackupRestoreTests {

    Path bin;
    Path data;
    int port;

    @BeforeEach
    void cluster() throws Exception {
        bin = binaries();
        data = Files.createTempDirectory("backup-restore-");
        if (ROOT) { // PostgreSQL's server never runs as root: as the postgres user the package created
            run("chown", "postgres", data.toString());
        }
        server(bin.resolve("initdb").toString(), "-D", data.resolve("pg").toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server(bin.resolve("pg_ctl").toString(), "-D", data.resolve("pg").toString(), "-w", "-l",
                data.resolve("pg.log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1",
                "start");
    }

    @AfterEach
    void stop() throws Exception {
        if (data != null) {
            server(bin.resolve("pg_ctl").toString(), "-D", data.resolve("pg").toString(), "-m", "immediate", "stop");
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aDumpOfThePlatformRestoredIntoAnEmptyDatabaseHoldsEveryRowPolicyAndGrant() throws Exception {
        // the production set-up: the roles script, then the application's migrations as the owner role
        run(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-v", "password=app-secret", "-v", "owner_password=owner-secret",
                "-f", Path.of("..", "deploy", "postgres", "10-application-role.sql").toString());
        Flyway.configure().dataSource(url("councilflow"), "councilflow_owner", "owner-secret").schemas("app")
                .defaultSchema("app").locations("classpath:db/migration").placeholders(Map.of("runtime-role", "councilflow"))
                .load().migrate();
        JdbcClient original = superuser("councilflow");
        original.sql("INSERT INTO app.tenant (id, display_name, status) VALUES ('barnet', 'London Borough of Barnet', 'ACTIVE')").update();
        original.sql("""
                WITH d AS (INSERT INTO app.document (id, tenant_id, filename, content_type, size_bytes, sha256, stored_by)
                           VALUES (gen_random_uuid(), 'barnet', 'letter.pdf', 'PDF', 4,
                                   encode(sha256('\\x25504446'::bytea), 'hex'), 'barnet.author') RETURNING id)
                INSERT INTO app.document_content (id, tenant_id, content) SELECT id, 'barnet', '\\x25504446'::bytea FROM d""")
                .update();
        original.sql("INSERT INTO app.audit_event (tenant_id, actor, action, subject_type, subject_id) "
                + "VALUES ('barnet', 'barnet.author', 'document.stored', 'document', 'letter')").update();

        Path dump = data.resolve("councilflow.dump");
        run(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "--format=custom", "--file=" + dump, "councilflow");
        run(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE restored OWNER councilflow_owner");
        run(bin.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "--exit-on-error", "--dbname=restored", dump.toString());

        JdbcClient restored = superuser("restored");
        for (String query : List.of(
                "SELECT table_name || ':' || count(*) FROM information_schema.tables WHERE table_schema = 'app' GROUP BY table_name ORDER BY 1",
                "SELECT to_jsonb(t)::text FROM app.tenant t ORDER BY 1",
                "SELECT to_jsonb(d)::text FROM app.document d ORDER BY 1",
                "SELECT encode(sha256(content), 'hex') FROM app.document_content ORDER BY 1",
                "SELECT to_jsonb(a)::text FROM app.audit_event a ORDER BY 1",
                "SELECT tablename || ':' || policyname || ':' || qual FROM pg_policies WHERE schemaname = 'app' ORDER BY 1",
                "SELECT relname || ':' || relrowsecurity || ':' || relforcerowsecurity || ':' || pg_get_userbyid(relowner) "
                        + "FROM pg_class WHERE relnamespace = 'app'::regnamespace AND relkind = 'r' ORDER BY 1",
                "SELECT grantee || ':' || table_name || ':' || privilege_type FROM information_schema.role_table_grants "
                        + "WHERE table_schema = 'app' ORDER BY 1",
                "SELECT version || ':' || success FROM app.flyway_schema_history ORDER BY installed_rank")) {
            assertThat(restored.sql(query).query(String.class).list()).as(query)
                    .isEqualTo(original.sql(query).query(String.class).list()).isNotEmpty();
        }
        assertThat(restored.sql("SELECT count(*) FROM pg_class WHERE relnamespace = 'app'::regnamespace AND relkind = 'r' "
                + "AND relname NOT IN ('flyway_schema_history', 'event_publication', 'mail_delivery') "
                + "AND NOT relforcerowsecurity").query(Long.class).single()).as("row-level security forced again").isZero();
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private JdbcClient superuser(String database) {
        return JdbcClient.create(new SingleConnectionDataSource(url(database), "postgres", "", true));
    }

    /** The newest PostgreSQL installation that has server and client programs (Debian: postgresql-NN). */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (var dirs = Files.list(root)) {
                dirs.map(dir -> dir.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_dump"))
                        && Files.isExecutable(bin.resolve("initdb"))).forEach(versions::add);
            }
        }
        versions.sort(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
        assertThat(versions).as("PostgreSQL's programs (apt-get install postgresql-15): initdb, pg_ctl, psql, pg_dump, "
                + "pg_restore").isNotEmpty();
        return versions.get(versions.size() - 1);
    }

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private static void server(String... command) throws Exception {
        if (ROOT) {
            List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            asPostgres.addAll(List.of(command));
            run(asPostgres.toArray(String[]::new));
        } else {
            run(command);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Arrays.toString(command) + "\n" + output).isZero();
    }
}
