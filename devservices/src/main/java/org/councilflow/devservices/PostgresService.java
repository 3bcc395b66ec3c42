package org.councilflow.devservices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A running PostgreSQL server with the application's two roles, as in production: the owner role (Flyway's) owns
 * the database, schema {@code app} and everything in it; the runtime role (the application's pool) may only read
 * and write rows, under row-level security, and create the workflow engine's tables in {@code public}. Neither is
 * superuser or {@code BYPASSRLS}.
 */
public abstract class PostgresService {

    public static final String DATABASE = "councilflow";
    public static final String APP_USER = "councilflow";
    public static final String APP_PASSWORD = "councilflow";
    public static final String OWNER_USER = "councilflow_owner";
    public static final String OWNER_PASSWORD = "councilflow_owner";

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

    /** The role that owns the schema: for Flyway ({@code spring.flyway.user}), never for the application's pool. */
    public String ownerUsername() {
        return OWNER_USER;
    }

    public String ownerPassword() {
        return OWNER_PASSWORD;
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
     * Drops and recreates a database owned by the owner role: each test module starts from an empty schema, the
     * way a new deployment does.
     */
    public String createFreshDatabase(String database) {
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            ensureRoles(s);
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER " + OWNER_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
        grantRuntimeRole(database);
        return jdbcUrl(database);
    }

    /**
     * Creates the roles and the application database if they do not exist yet (idempotent, for persistent data). A
     * database kept from before the owner role existed (everything owned by the runtime role) is handed to the owner.
     */
    void provisionApplicationDatabase() {
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            ensureRoles(s);
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_USER);
                }
            }
            s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot provision the application database: " + e.getMessage(), e);
        }
        grantRuntimeRole(DATABASE);
    }

    private static void ensureRoles(Statement s) throws SQLException {
        for (String[] role : new String[][] {{APP_USER, APP_PASSWORD}, {OWNER_USER, OWNER_PASSWORD}}) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role[0] + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + role[0] + " LOGIN PASSWORD '" + role[1]
                            + "' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
                }
            }
        }
    }

    /**
     * The runtime role creates the workflow engine's tables in {@code public} (which belongs to the database owner);
     * schema {@code app}, if an older run left it owned by the runtime role, passes to the owner with its contents.
     */
    private void grantRuntimeRole(String database) {
        try (Connection c = superuserConnection(database); Statement s = c.createStatement()) {
            s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + APP_USER);
            s.execute("""
                    DO $$
                    DECLARE o record;
                    BEGIN
                        IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'app' AND nspowner = '%1$s'::regrole) THEN
                            EXECUTE 'ALTER SCHEMA app OWNER TO %2$s';
                            FOR o IN SELECT c.relname, c.relkind FROM pg_class c
                                     WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm') LOOP
                                EXECUTE format('ALTER TABLE app.%%I OWNER TO %2$s', o.relname);
                            END LOOP;
                            FOR o IN SELECT p.oid::regprocedure AS f FROM pg_proc p
                                     WHERE p.pronamespace = 'app'::regnamespace LOOP
                                EXECUTE format('ALTER FUNCTION %%s OWNER TO %2$s', o.f);
                            END LOOP;
                        END IF;
                    END $$""".formatted(APP_USER, OWNER_USER));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot grant the runtime role on " + database + ": " + e.getMessage(), e);
        }
    }
}
