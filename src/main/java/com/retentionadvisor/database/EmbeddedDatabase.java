package com.retentionadvisor.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from binaries shipped in Maven artifacts, for a machine that has only a JDK.
 * One per JVM; stopped when the JVM exits.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    // A JVM-wide mark: dev mode's live reload loads this class anew, but the server it started keeps running.
    static final String RUNNING_URL = "retention.embedded-postgres.running-url";
    private static EmbeddedDatabase running;

    private final String jdbcUrl;

    private EmbeddedDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts the server on first call, keeping its data in the folder (and wiping it first when asked). */
    static synchronized EmbeddedDatabase start(Path dataDirectory, boolean wipe) {
        if (running == null && System.getProperty(RUNNING_URL) != null) {
            running = new EmbeddedDatabase(System.getProperty(RUNNING_URL));
        }
        if (running == null) {
            try {
                Files.createDirectories(dataDirectory);
                long started = System.nanoTime();
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(wipe)
                        .start();
                running = new EmbeddedDatabase(postgres.getJdbcUrl("postgres", "postgres"));
                System.setProperty(RUNNING_URL, running.jdbcUrl);
                LOG.infof("Embedded PostgreSQL started in %d ms on port %d, data in %s",
                        (System.nanoTime() - started) / 1_000_000, postgres.getPort(), dataDirectory.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                        + "; set QUARKUS_DATASOURCE_JDBC_URL to use another PostgreSQL", e);
            }
        }
        return running;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }
}
