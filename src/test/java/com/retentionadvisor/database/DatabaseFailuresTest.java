package com.retentionadvisor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which database failures are a lost connection (503) and which a write conflict, whatever SQLState they carry. */
class DatabaseFailuresTest {

    @Test
    void thePoolsAcquisitionTimeoutIsALostConnectionAndNoWriteConflict() {
        // Agroal's own failure carries no SQLState: seen when PostgreSQL hangs and no connection comes in time.
        RuntimeException failure = new RuntimeException("could not execute statement",
                new SQLException("Acquisition timeout while waiting for new connection"));

        assertTrue(DatabaseFailures.connectionLost(failure));
        assertEquals(Optional.empty(), DatabaseFailures.writeConflict(failure));
    }

    @Test
    void aUniqueViolationIsAWriteConflictAndNoLostConnection() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate key", "23505"));

        assertEquals(Optional.of("23505"), DatabaseFailures.writeConflict(failure));
        assertFalse(DatabaseFailures.connectionLost(failure));
    }

    @Test
    void aReadThatTimedOutOnASocketIsALostConnection() {
        assertTrue(DatabaseFailures.connectionLost(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    }
}
