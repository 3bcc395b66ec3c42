package org.councilflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageFilterTests {

    @Test
    void aConnectionFailureIsRecognisedHoweverDeepItIsWrapped() {
        var hikari = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001");
        assertThat(DatabaseOutageFilter.connectionFailure(
                new CannotCreateTransactionException("Could not open JDBC Connection", hikari))).isTrue();
        var io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseOutageFilter.connectionFailure(
                new RuntimeException("### Error updating database (as MyBatis under Flowable says it)", new RuntimeException(io)))).isTrue();
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutageFilter.connectionFailure(new RuntimeException(shutdown))).isTrue();
    }

    @Test
    void aRollbackThatFailsOnTheDeadConnectionStillCountsAsAnOutage() {
        var lost = new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(lost);

        assertThat(DatabaseOutageFilter.connectionFailure(rollback)).isTrue();
        assertThat(DatabaseOutageFilter.connectionFailure(new TransactionSystemException("Could not commit",
                new SQLException("serialization failure", "40001")))).isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNotAnOutage() {
        var unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseOutageFilter.connectionFailure(new DataIntegrityViolationException("dup", unique))).isFalse();
        assertThat(DatabaseOutageFilter.connectionFailure(new IllegalStateException("no cause"))).isFalse();
    }
}
