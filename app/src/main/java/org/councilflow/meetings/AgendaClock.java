package org.councilflow.meetings;

import java.time.Instant;

/**
 * The time by which agendas are published and amended: the cycle's (the process engine's) clock, so that an agenda's
 * dates agree with the notice the cycle checked. The workflow feature provides it.
 */
public interface AgendaClock {

    Instant now();
}
