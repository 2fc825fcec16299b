package com.retentionadvisor.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * What a failure of PostgreSQL was, read from anywhere in the chain of causes that Hibernate, the pool, the
 * transaction manager and the interceptors wrap it in.
 */
public final class DatabaseFailures {

    // Another transaction wrote the same rows: unique_violation, deadlock_detected, serialization_failure.
    private static final Set<String> WRITE_CONFLICTS = Set.of("23505", "40P01", "40001");

    private DatabaseFailures() {
    }

    /** PostgreSQL could not be reached: stopped, restarting, refusing connections, or no connection came in time. */
    public static boolean connectionLost(Throwable failure) {
        return causes(failure).stream().anyMatch(DatabaseFailures::isConnectionFailure);
    }

    /** The SQLState when the failure is a write that another transaction's write of the same rows made fail. */
    public static Optional<String> writeConflict(Throwable failure) {
        return causes(failure).stream()
                .filter(SQLException.class::isInstance)
                .map(cause -> ((SQLException) cause).getSQLState())
                // The pool's own failures (an acquisition timeout) carry no SQLState.
                .filter(state -> state != null && WRITE_CONFLICTS.contains(state))
                .findFirst();
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            // Class 08: connection exceptions; 57P01-57P03: the server shuts down, or cannot take connections yet.
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // The pool's own timeouts carry no SQLState: "Acquisition timeout while waiting for new connection", …
        String message = sql.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** The failure and all its causes, suppressed exceptions (the transaction manager's) and chained SQL exceptions. */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> causes = new ArrayList<>();
        Deque<Throwable> toSee = new ArrayDeque<>();
        toSee.push(failure);
        while (!toSee.isEmpty()) {
            Throwable cause = toSee.pop();
            if (!seen.add(cause)) {
                continue;
            }
            causes.add(cause);
            if (cause.getCause() != null) {
                toSee.push(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                toSee.push(suppressed);
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                toSee.push(sql.getNextException());
            }
        }
        return causes;
    }
}
