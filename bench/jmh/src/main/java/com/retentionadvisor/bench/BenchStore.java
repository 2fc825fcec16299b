package com.retentionadvisor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.util.PGobject;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.retentionadvisor.demo.DemoHistory;
import com.retentionadvisor.surveys.SurveyFactor;

/**
 * A fresh embedded PostgreSQL (the same zonky server and defaults the service starts), migrated by Flyway from the
 * service's db/migration, holding the demo generator's histories written with plain JDBC. Closed, and its folder
 * removed, by {@link #close()}.
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
            DemoHistory history = DemoHistory.generate(customerCount, seed, now);
            Map<String, Integer> counts = new HashMap<>();
            List<Customer> customers;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                customers = new Loader(connection, counts).load(history);
                connection.commit();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze"); // as autovacuum would have done on a service that has run a while
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

    /** Writes the demo history row by row, in JDBC batches, with ids from one counter like the service's sequence. */
    private static final class Loader {
        private final Connection connection;
        private final Map<String, Integer> counts;
        private final Map<String, Long> managerIds = new HashMap<>();
        private final Map<String, Long> customerIds = new HashMap<>();
        private long nextId = 1;

        Loader(Connection connection, Map<String, Integer> counts) {
            this.connection = connection;
            this.counts = counts;
        }

        List<Customer> load(DemoHistory h) throws SQLException {
            insert("manager", "id, external_id, source_hash, name, email", h.managers(), (ps, m) -> {
                managerIds.put(m.externalId(), ps.id);
                ps.set(m.externalId(), m.name(), m.email());
            });
            insert("customer", "id, external_id, source_hash, name, segment, created_at, status, stage, birthday, manager_id",
                    h.customers(), (ps, c) -> {
                        customerIds.put(c.externalId(), ps.id);
                        ps.set(c.externalId(), c.name(), c.segment(), ts(c.createdAt()), c.status().name(),
                                c.stage() == null ? null : c.stage().name(), c.birthday() == null ? null : Date.valueOf(c.birthday()),
                                manager(c.managerExternalId()));
                    });
            // Referrals point at customers, maybe later ones in the list: set once every customer is in.
            try (PreparedStatement referral = connection.prepareStatement("update customer set referred_by_id = ? where id = ?")) {
                for (var c : h.customers()) {
                    if (c.referredByExternalId() != null) {
                        referral.setLong(1, customer(c.referredByExternalId()));
                        referral.setLong(2, customer(c.externalId()));
                        referral.addBatch();
                    }
                }
                referral.executeBatch();
            }
            insert("manager_assignment", "id, external_id, source_hash, customer_id, manager_id, starts_at, ends_at, handover",
                    h.assignments(), (ps, a) -> ps.set(a.externalId(), customer(a.customerExternalId()),
                            manager(a.managerExternalId()), ts(a.startsAt()), ts(a.endsAt()), a.handover()));
            insert("contact", "id, external_id, source_hash, customer_id, manager_id, occurred_at, channel, direction, purpose, outcome,"
                    + " responded_at", h.contacts(), (ps, k) -> ps.set(k.externalId(), customer(k.customerExternalId()),
                    manager(k.managerExternalId()), ts(k.occurredAt()), k.channel().name(), k.direction().name(), k.purpose().name(),
                    k.outcome(), ts(k.respondedAt())));
            insert("deal", "id, external_id, source_hash, customer_id, amount, currency, status, opened_at, closed_at, product_line",
                    h.deals(), (ps, d) -> ps.set(d.externalId(), customer(d.customerExternalId()), d.amount(), d.currency(),
                            d.status().name(), ts(d.openedAt()), ts(d.closedAt()), d.productLine()));
            insert("subscription", "id, external_id, source_hash, customer_id, product, starts_on, ends_on, auto_renew, annual",
                    h.subscriptions(), (ps, s) -> ps.set(s.externalId(), customer(s.customerExternalId()), s.product(),
                            Date.valueOf(s.startsOn()), s.endsOn() == null ? null : Date.valueOf(s.endsOn()), s.autoRenew(), s.annual()));
            insert("survey_response", "id, external_id, source_hash, customer_id, answered_at, nps, csat, comment, factors",
                    h.surveys(), (ps, s) -> ps.set(s.externalId(), customer(s.customerExternalId()), ts(s.answeredAt()),
                            s.nps(), s.csat(), s.comment(), factorsJson(s.factors())));
            insert("ticket", "id, external_id, source_hash, customer_id, opened_at, closed_at, kind, severity",
                    h.tickets(), (ps, t) -> ps.set(t.externalId(), customer(t.customerExternalId()), ts(t.openedAt()),
                            ts(t.closedAt()), t.kind().name(), t.severity().name()));
            insert("email_event", "id, external_id, source_hash, customer_id, occurred_at, type, campaign",
                    h.emailEvents(), (ps, e) -> ps.set(e.externalId(), customer(e.customerExternalId()), ts(e.occurredAt()),
                            e.type().name(), e.campaign()));
            return h.customers().stream().map(c -> new Customer(customerIds.get(c.externalId()), c.externalId())).toList();
        }

        private Long manager(String externalId) {
            return externalId == null ? null : require(managerIds, externalId);
        }

        private Long customer(String externalId) {
            return require(customerIds, externalId);
        }

        private static Long require(Map<String, Long> ids, String externalId) {
            Long id = ids.get(externalId);
            if (id == null) {
                throw new IllegalStateException("the demo history names an unknown record " + externalId);
            }
            return id;
        }

        /** CSI factors as the service stores them: [{"factor": "delivery", "score": 4, "weight": 0.3}, ...], as jsonb. */
        private static PGobject factorsJson(List<SurveyFactor> factors) throws SQLException {
            if (factors == null) {
                return null;
            }
            StringBuilder json = new StringBuilder("[");
            for (SurveyFactor f : factors) {
                json.append(json.length() == 1 ? "" : ",").append("{\"factor\":\"")
                        .append(f.factor().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\",\"score\":").append(f.score().toPlainString())
                        .append(",\"weight\":").append(f.weight().toPlainString()).append('}');
            }
            PGobject value = new PGobject();
            value.setType("jsonb");
            value.setValue(json.append(']').toString());
            return value;
        }

        private static OffsetDateTime ts(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }

        interface RowWriter<T> {
            void write(Row row, T item) throws SQLException;
        }

        /** One row being written: id and source_hash are set, {@link #set} fills the remaining columns in order. */
        static final class Row {
            final PreparedStatement statement;
            long id;

            Row(PreparedStatement statement) {
                this.statement = statement;
            }

            void set(Object... values) throws SQLException {
                statement.setLong(1, id);
                statement.setString(3, "bench");
                statement.setObject(2, values[0]);
                for (int i = 1; i < values.length; i++) {
                    if (values[i] == null) {
                        statement.setNull(i + 3, Types.NULL);
                    } else {
                        statement.setObject(i + 3, values[i]);
                    }
                }
            }
        }

        private <T> void insert(String table, String columns, List<T> items, RowWriter<T> writer) throws SQLException {
            int n = columns.split(",").length;
            String sql = "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(n - 1) + "?)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Row row = new Row(statement);
                int pending = 0;
                for (T item : items) {
                    row.id = nextId++;
                    writer.write(row, item);
                    statement.addBatch();
                    if (++pending == 1000) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                statement.executeBatch();
            }
            counts.put(table, items.size());
        }
    }
}
