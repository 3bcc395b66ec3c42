package org.councilflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.councilflow.devservices.PostgresService;

/**
 * The demo councils (Barnet, Tower Hamlets, Barnsley) and their committees: demo data, seeded by the local run and
 * by tests as the database's superuser, never by the product itself.
 */
public final class DemoData {

    public static final String TOWER_HAMLETS_CABINET = "00000000-0000-4000-8000-000000000201";
    public static final String BARNET_CES_COMMITTEE = "00000000-0000-4000-8000-000000000101";
    public static final String BARNET_PLAN = "00000000-0000-4000-8000-000000001001";
    public static final String TOWER_HAMLETS_PLAN = "00000000-0000-4000-8000-000000002001";
    public static final String TOWER_HAMLETS_INDICATOR = "00000000-0000-4000-8000-000000002101";
    public static final String TOWER_HAMLETS_RISK = "00000000-0000-4000-8000-000000002201";
    public static final String TOWER_HAMLETS_INSPECTION = "00000000-0000-4000-8000-000000002301";
    public static final String TOWER_HAMLETS_REPORT = "00000000-0000-4000-8000-000000002401";
    public static final String TOWER_HAMLETS_MEETING = "00000000-0000-4000-8000-000000002501";
    /** Apologies for absence on the Tower Hamlets Cabinet's agenda, and the link document it has. */
    public static final String TOWER_HAMLETS_AGENDA_ITEM = "00000000-0000-4000-8000-000000002511";
    public static final String TOWER_HAMLETS_AGENDA_DOCUMENT = "00000000-0000-4000-8000-000000002521";

    private DemoData() {
    }

    /** Adds whatever of the demo data is missing (idempotent). */
    public static void seed(PostgresService postgres, String database) {
        try (Connection c = postgres.superuserConnection(database); Statement s = c.createStatement()) {
            seedScripts(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data failed: " + e.getMessage(), e);
        }
    }

    /**
     * Empties every table of schema {@code app} (but Flyway's history), the audit trail included, and seeds the demo
     * data again: each test starts from the same known state.
     */
    public static void reset(PostgresService postgres, String database) {
        try (Connection c = postgres.superuserConnection(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs = s.executeQuery("""
                    SELECT quote_ident(table_name) FROM information_schema.tables
                    WHERE table_schema = 'app' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""")) {
                while (rs.next()) {
                    tables.add("app." + rs.getString(1));
                }
            }
            // the engine's runtime and history, not its deployments
            try (var rs = s.executeQuery("""
                    SELECT quote_ident(table_name) FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                      AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%')""")) {
                while (rs.next()) {
                    tables.add("public." + rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
            // councils' own process variants go too; the shared definitions (no tenant) stay deployed
            try (var rs = s.executeQuery("SELECT to_regclass('public.act_re_deployment') IS NOT NULL")) {
                if (rs.next() && rs.getBoolean(1)) {
                    s.execute("""
                            DELETE FROM act_procdef_info WHERE proc_def_id_ IN (SELECT id_ FROM act_re_procdef WHERE tenant_id_ <> '');
                            DELETE FROM act_re_procdef WHERE tenant_id_ <> '';
                            DELETE FROM act_ge_bytearray WHERE deployment_id_ IN (SELECT id_ FROM act_re_deployment WHERE tenant_id_ <> '');
                            DELETE FROM act_re_deployment WHERE tenant_id_ <> '';""");
                }
            }
            seedScripts(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Resetting the test data failed: " + e.getMessage(), e);
        }
    }

    private static void seedScripts(Statement s) throws SQLException {
        s.execute(script("/demo/councils.sql"));
        s.execute(script("/demo/plans.sql"));
    }

    private static String script(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing " + resource, e);
        }
    }
}
