package org.councilflow.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's key for the proofs that make the database honour a transaction's tenant settings (ADR 0007). A
 * random key per start, registered through the owner role in {@code tenant_proof.key}, which the runtime role cannot
 * read: SQL run through the pool cannot compute a proof for a council it chooses. Each instance (replicas, restarts)
 * has its own key; it is refreshed hourly, removed on a clean stop, and keys not refreshed for two days (an instance
 * that died) are removed by the next instance to start.
 */
final class TenantProofKey implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TenantProofKey.class);
    private static final int BLOCK = 64; // SHA-256's block size, the length of HMAC's padded keys
    private static final HexFormat HEX = HexFormat.of();

    private final String id = UUID.randomUUID().toString();
    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;
    private final OwnerDatabase owner;
    private final ScheduledExecutorService heartbeat;
    /** The database's clock minus ours, in ms: proofs carry the time the database would give them. */
    private volatile long clockOffset;

    private TenantProofKey(OwnerDatabase owner) {
        this.owner = owner;
        random.nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tenant-proof-key");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Registers a new key, after checking that the runtime role cannot read it (unless told to run without). */
    static TenantProofKey register(OwnerDatabase owner, DataSource runtime, boolean allowSharedRole) {
        checkRoles(runtime, allowSharedRole);
        TenantProofKey proofKey = new TenantProofKey(owner);
        proofKey.insert();
        proofKey.heartbeat.scheduleWithFixedDelay(proofKey::refresh, 1, 1, TimeUnit.HOURS);
        return proofKey;
    }

    /**
     * The value of {@code councilflow.proof} for these settings: key id, issue time, nonce and the HMAC of
     * {@code tenant|platform|issued|nonce}; empty when the transaction has neither a tenant nor the platform scope.
     */
    String proof(String tenant, String platform) {
        if (tenant.isEmpty() && platform.isEmpty()) {
            return "";
        }
        long issued = System.currentTimeMillis() + clockOffset;
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HEX.formatHex(nonceBytes);
        byte[] hmac = macs.get().doFinal((tenant + "|" + platform + "|" + issued + "|" + nonce)
                .getBytes(StandardCharsets.UTF_8));
        return id + ":" + issued + ":" + nonce + ":" + HEX.formatHex(hmac);
    }

    String id() {
        return id;
    }

    private void insert() {
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        try (Connection c = owner.connect()) {
            measureClock(c);
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM tenant_proof.key WHERE seen_at < now() - interval '2 days'")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO tenant_proof.key (id, inner_pad, outer_pad) VALUES (?, ?, ?)")) {
                s.setString(1, id);
                s.setBytes(2, inner);
                s.setBytes(3, outer);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register the tenant proof key through the owner role ("
                    + e.getMessage() + "); check COUNCILFLOW_DB_OWNER_USER and COUNCILFLOW_DB_OWNER_PASSWORD", e);
        }
    }

    private void refresh() {
        try (Connection c = owner.connect()) {
            measureClock(c);
            try (PreparedStatement s = c.prepareStatement("UPDATE tenant_proof.key SET seen_at = now() WHERE id = ?")) {
                s.setString(1, id);
                if (s.executeUpdate() == 0) {
                    log.error("The tenant proof key {} is no longer registered: this instance's transactions see no "
                            + "council's data until it restarts", id);
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not refresh the tenant proof key (tried again in an hour): {}", e.getMessage());
        }
    }

    private void measureClock(Connection c) throws SQLException {
        long before = System.currentTimeMillis();
        try (PreparedStatement s = c.prepareStatement("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long after = System.currentTimeMillis();
            clockOffset = rs.getLong(1) - (before + after) / 2;
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try (Connection c = owner.connect();
                PreparedStatement s = c.prepareStatement("DELETE FROM tenant_proof.key WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            log.info("Could not remove the tenant proof key on stopping ({}); it expires in two days", e.getMessage());
        }
    }

    /**
     * Refuses to start when the runtime role could read the key or undo row-level security (it is the owner or a
     * member of the owner role, a superuser or {@code BYPASSRLS}): the proofs would then defend nothing.
     */
    private static void checkRoles(DataSource runtime, boolean allowSharedRole) {
        String problem;
        try (Connection c = runtime.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                               pg_has_role(r.oid, n.nspowner, 'USAGE') AS owner,
                               has_schema_privilege(r.oid, 'tenant_proof', 'USAGE') AS key_schema
                        FROM pg_roles r, pg_namespace n
                        WHERE r.rolname = current_user AND n.nspname = 'app'""");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("Schema app does not exist; Flyway should have created it");
            }
            String role = rs.getString("rolname");
            problem = rs.getBoolean("rolsuper") ? "is a superuser"
                    : rs.getBoolean("rolbypassrls") ? "has BYPASSRLS"
                    : rs.getBoolean("owner") ? "owns schema app (or is a member of its owner)"
                    : rs.getBoolean("key_schema") ? "may use schema tenant_proof"
                    : null;
            if (problem != null) {
                problem = "The application's database role " + role + " " + problem;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the application's database role: " + e.getMessage(), e);
        }
        if (problem == null) {
            return;
        }
        if (!allowSharedRole) {
            throw new IllegalStateException(problem + ": set COUNCILFLOW_DB_OWNER_USER to a separate owner role "
                    + "(see docs/adr/0007), or councilflow.tenancy.allow-shared-database-role=true to run without "
                    + "the database's defence in depth");
        }
        log.warn("{}: row-level security does not defend against SQL run by the application itself "
                + "(councilflow.tenancy.allow-shared-database-role=true; see docs/adr/0007)", problem);
    }

    /** Connections as the owner role, opened only to register and refresh the key. */
    record OwnerDatabase(String url, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public String toString() {
            return "OwnerDatabase[" + user + " at " + url + "]";
        }
    }
}
