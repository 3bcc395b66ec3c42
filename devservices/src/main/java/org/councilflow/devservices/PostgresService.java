package org.councilflow.devservices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A running PostgreSQL server. The application's database belongs to a role that is neither superuser nor
 * {@code BYPASSRLS}, so row-level security applies to everything the application does, as in production.
 */
public abstract class PostgresService {

    public static final String DATABASE = "councilflow";
    public static final String APP_USER = "councilflow";
    public static final String APP_PASSWORD = "councilflow";

    abstract void start();

    abstract void stop();

    /**
     * Stops the server as an outage would, keeping its data: every connection is cut and new ones are refused
     * until {@link #startAgain()}.
     */
    public abstract void shutDown();

    /** Starts the server again after {@link #shutDown()}, on the same port with the same data. */
    public abstract void startAgain();

    /** Host and port as seen from this machine. */
    public abstract String host();

    public abstract int port();

    abstract String superUser();

    abstract String superPassword();

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String username() {
        return APP_USER;
    }

    public String password() {
        return APP_PASSWORD;
    }

    /** A connection as the server's superuser, for test set-up that the application itself must not be able to do. */
    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), superUser(), superPassword());
    }

    /** A data source as the server's superuser (who bypasses row-level security), for test set-up only. */
    public DataSource superuserDataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(superUser());
        dataSource.setPassword(superPassword());
        return dataSource;
    }

    /**
     * Drops and recreates a database owned by the application role: each test module starts from an empty
     * schema, the way a new deployment does.
     */
    public String createFreshDatabase(String database) {
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            ensureAppRole(s);
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER " + APP_USER);
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Creates the application role and database if they do not exist yet (idempotent, for persistent data). */
    void provisionApplicationDatabase() {
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            ensureAppRole(s);
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot provision the application database: " + e.getMessage(), e);
        }
    }

    private static void ensureAppRole(Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_USER + "'")) {
            if (!rs.next()) {
                s.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD
                        + "' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            }
        }
    }
}
