package com.retentionadvisor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh embedded PostgreSQL (the same zonky server and defaults the service starts), migrated by Flyway from the
 * service's db/migration, holding the demo generator's histories written with plain JDBC by {@link DemoRows}. Closed,
 * and its folder removed, by {@link #close()}.
 */
public final class BenchStore implements AutoCloseable {

    /** One customer as the benchmarks address it: the row id the SQL binds and the CRM id the service is asked by. */
    public record Customer(long id, String externalId) {
    }

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final List<Customer> customers;
    private final Instant asOf;
    private final Map<String, Integer> rowCounts;

    private BenchStore(Path dataDirectory, EmbeddedPostgres postgres, List<Customer> customers, Instant asOf,
                       Map<String, Integer> rowCounts) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.customers = customers;
        this.asOf = asOf;
        this.rowCounts = rowCounts;
    }

    /** Starts the server, migrates it and loads {@code customerCount} demo customers generated up to now. */
    public static BenchStore start(int customerCount, long seed) throws IOException, SQLException {
        Path dataDirectory = Files.createTempDirectory("bench-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
        try {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            Instant now = Instant.now();
            List<Customer> customers = new ArrayList<>();
            Map<String, Integer> counts;
            try (Connection connection = dataSource.getConnection()) {
                DemoRows rows = new DemoRows(connection);
                rows.write(customerCount, seed, now, done -> { });
                counts = rows.counts();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze"); // as autovacuum would have done on a service that has run a while
                    try (ResultSet ids = statement.executeQuery("select id, external_id from customer order by id")) {
                        while (ids.next()) {
                            customers.add(new Customer(ids.getLong(1), ids.getString(2)));
                        }
                    }
                }
            }
            return new BenchStore(dataDirectory, postgres, customers, now, counts);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    public List<Customer> customers() {
        return customers;
    }

    /** The instant the histories were generated up to: the as-of the facts are computed for. */
    public Instant asOf() {
        return asOf;
    }

    public Map<String, Integer> rowCounts() {
        return rowCounts;
    }

    @Override
    public void close() throws IOException {
        postgres.close(); // removes the data directory itself (clean data directory); what is left, we remove
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
