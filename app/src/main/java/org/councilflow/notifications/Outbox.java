package org.councilflow.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The e-mail outbox as the platform operator sees it: what has not been sent yet (failed, or waiting for a retry) and
 * a way to try again at once. It names the kind of notice, the council and when; never an address or a text.
 */
public interface Outbox {

    List<Pending> pending();

    /** Tries every pending publication again now. @return how many were tried */
    int retryNow();

    /**
     * @param kind {@code OutgoingMail} (one e-mail) or the notice it came from ({@code StageEscalated}, …)
     * @param attempts failed attempts to send so far
     */
    record Pending(UUID id, String kind, String tenant, Instant publishedAt, int attempts, Instant lastAttemptAt) {
    }
}
