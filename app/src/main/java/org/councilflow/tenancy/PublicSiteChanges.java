package org.councilflow.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When anything a council's public site shows last changed, as far as this replica knows (ADR 0021): PostgreSQL
 * notifies every listening connection on commit (migration V67's triggers on publications, their search text and the
 * council's row), and one connection of this replica's own, outside the pool, listens. A stamp taken before reading
 * and compared after says whether what was read may still be served. While the connection is down nothing counts as
 * unchanged ({@link #listening()} is false), and a reconnect changes every council's stamp: notifications missed
 * meanwhile are lost, so everything read before is suspect.
 */
@Component
public class PublicSiteChanges implements DisposableBean {

    static final String CHANNEL = "councilflow_public_site";
    /** A council's own row (V71): heard on the same connection, kept apart from the publications' changes. */
    static final String COUNCILS_CHANNEL = "councilflow_councils";
    private static final Logger log = LoggerFactory.getLogger(PublicSiteChanges.class);

    private final DataSourceProperties database;
    private final AtomicLong clock = new AtomicLong();
    /** The clock when each council last changed (or when the connection was last made, whichever is later). */
    private final ConcurrentHashMap<String, Long> changed = new ConcurrentHashMap<>();
    private volatile long connectedAt = -1;
    /** The clock when this replica last changed something of every council. */
    private volatile long floor;
    /** The clock when each council's own row last changed, and when every council's did (ADR 0026). */
    private final ConcurrentHashMap<String, Long> councilChanged = new ConcurrentHashMap<>();
    private volatile long councilFloor;
    private volatile boolean stopped;
    private volatile Connection connection;
    private Thread listener;

    PublicSiteChanges(DataSourceProperties database) {
        this.database = database;
    }

    /** Listens once the application is ready (after Flyway): until then nothing is cached. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (listener == null && !stopped) {
            listener = new Thread(this::listen, "public-site-changes");
            listener.setDaemon(true);
            listener.start();
        }
    }

    /** Whether changes are being heard: if not, nothing read may be kept. */
    public boolean listening() {
        return connectedAt >= 0;
    }

    /**
     * The council's stamp: it moves whenever the council's public content may have changed. Take it before reading;
     * what was read is current while the stamp is the same and {@link #listening()} holds.
     */
    public long stamp(String council) {
        long since = connectedAt;
        if (since < 0) {
            return -1 - clock.incrementAndGet(); // never equal to any other stamp
        }
        long last = changed.getOrDefault(council, since);
        return Math.max(Math.max(since, floor), last);
    }

    /**
     * The stamp of the council's own row (status, name), as {@link #stamp(String)} is of its public content: it moves
     * when the row changes (heard from PostgreSQL) and on any platform-scope commit of this replica, so that a
     * suspension made here holds here at once.
     */
    public long councilStamp(String council) {
        long since = connectedAt;
        if (since < 0) {
            return -1 - clock.incrementAndGet();
        }
        long last = councilChanged.getOrDefault(council, since);
        return Math.max(Math.max(since, councilFloor), last);
    }

    /** A change to the council's row committed by this replica (its settings): its record is read again at once. */
    void councilChanged(String council) {
        councilChanged.put(council, clock.incrementAndGet());
    }

    /** A change committed by this replica: its own pages of the council are dropped without waiting to hear it. */
    void changed(String council) {
        changed.put(council, clock.incrementAndGet());
    }

    /** A change committed by this replica outside any council (platform administration): every council's. */
    void changedAll() {
        long now = clock.incrementAndGet();
        floor = now;
        councilFloor = now;
    }

    private void listen() {
        while (!stopped) {
            try (Connection db = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                    database.determinePassword())) {
                connection = db;
                try (Statement statement = db.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + COUNCILS_CHANNEL);
                }
                connectedAt = clock.incrementAndGet();
                PGConnection pg = db.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications == null) {
                        try (Statement statement = db.createStatement()) {
                            statement.execute("SELECT 1"); // a dead connection shows itself here
                        }
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        if (COUNCILS_CHANNEL.equals(notification.getName())) {
                            if ("*".equals(notification.getParameter())) {
                                councilFloor = clock.incrementAndGet();
                            } else {
                                councilChanged.put(notification.getParameter(), clock.incrementAndGet());
                            }
                        } else if ("*".equals(notification.getParameter())) {
                            changedAll(); // tables emptied
                        } else {
                            changed(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connectedAt = -1;
                if (!stopped) {
                    log.warn("Not hearing the public site's changes (public pages are not cached meanwhile): {}", e.toString());
                    sleep();
                }
            }
        }
        connectedAt = -1;
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        connectedAt = -1;
        Connection db = connection;
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
