package org.councilflow.portability.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * A connection as the schema's owner role (Flyway's), for restoring and erasing a whole council: only the owner may
 * lift {@code FORCE ROW LEVEL SECURITY} and the append-only trigger of the audit trail, and it does so inside the one
 * transaction that restores or erases, so no other session ever sees a table without them (they wait on the lock).
 */
@Component
class OwnerDatabase {

    private final String url;
    private final String user;
    private final String password;

    OwnerDatabase(DataSourceProperties dataSource, FlywayProperties flyway) {
        this.url = flyway.getUrl() != null ? flyway.getUrl() : dataSource.determineUrl();
        this.user = flyway.getUser() != null ? flyway.getUser() : dataSource.determineUsername();
        this.password = flyway.getUser() != null ? flyway.getPassword() : dataSource.determinePassword();
    }

    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    /** Row-level security and user triggers off for these tables until the transaction ends (then on again). */
    static void lift(Connection c, Iterable<TenantTables.Table> tables) throws SQLException {
        try (var s = c.createStatement()) {
            for (TenantTables.Table table : tables) {
                s.execute("ALTER TABLE app." + quote(table.name()) + " NO FORCE ROW LEVEL SECURITY");
                s.execute("ALTER TABLE app." + quote(table.name()) + " DISABLE TRIGGER USER");
            }
        }
    }

    static void restore(Connection c, Iterable<TenantTables.Table> tables) throws SQLException {
        try (var s = c.createStatement()) {
            // deferred foreign keys (a document and its content) checked now: ALTER TABLE refuses pending checks
            s.execute("SET CONSTRAINTS ALL IMMEDIATE");
            for (TenantTables.Table table : tables) {
                s.execute("ALTER TABLE app." + quote(table.name()) + " ENABLE TRIGGER USER");
                s.execute("ALTER TABLE app." + quote(table.name()) + " FORCE ROW LEVEL SECURITY");
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
