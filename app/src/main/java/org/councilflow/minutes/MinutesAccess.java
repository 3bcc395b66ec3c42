package org.councilflow.minutes;

/** Who reads what the minutes feature keeps: the council's staff; councillors read minutes on the public site. */
final class MinutesAccess {

    static final String STAFF = "hasAnyRole('AUTHOR', 'MANAGER', 'BOARD', 'BOARD_CHAIR', 'CLERK', 'TENANT_ADMIN')";

    private MinutesAccess() {
    }
}
