package com.retentionadvisor.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.retentionadvisor.demo.DemoHistory;
import com.retentionadvisor.surveys.SurveyFactor;

/**
 * Writes demo customers with their whole histories (managers, assignments, contacts, deals, subscriptions, surveys,
 * tickets, email events) into the service's tables with COPY, as the ingest path stores them: 100,000 customers in
 * about a minute and a half, where the ingest path takes about an hour. The demo generator scans its whole lists for
 * each customer, so its time grows with the square of the count: customers are generated in chunks of
 * {@value #CHUNK}, chunk k with seed + k, and renumbered; the first chunk is exactly the service's own demo base (300
 * customers by default) of that seed. Ids come from one counter, like the service's ingested_record_seq, which is
 * moved past them at the end.
 */
final class DemoRows {

    static final int CHUNK = 300;
    private static final String SOURCE_HASH = "bench";

    private final Connection connection;
    private final CopyManager copyManager;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Long> managerIds = new HashMap<>();
    private long nextId;

    DemoRows(Connection connection) throws SQLException {
        this.connection = connection;
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select (select count(*) from customer) + (select count(*) from manager),"
                     + " nextval('ingested_record_seq')")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new IllegalStateException("the database already holds customers or managers: load into an empty one");
            }
            nextId = rows.getLong(2);
        }
    }

    /** Rows written per table so far. */
    Map<String, Integer> counts() {
        return counts;
    }

    /**
     * Writes customers DEMO-C0001 … and their histories up to {@code now}, one transaction per chunk; tells
     * {@code afterChunk} how many customers are in so far.
     */
    void write(int customers, long seed, Instant now, IntConsumer afterChunk) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int first = 1; first <= customers; first += CHUNK) {
                int count = Math.min(CHUNK, customers - first + 1);
                writeChunk(DemoHistory.generate(count, seed + (first - 1) / CHUNK, now), first - 1);
                connection.commit();
                afterChunk.accept(first - 1 + count);
            }
            try (Statement statement = connection.createStatement()) {
                // Hibernate takes ids 50 at a time below the sequence's value: start it well past ours.
                statement.execute("select setval('ingested_record_seq', " + (nextId + 100) + ")");
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void writeChunk(DemoHistory h, int offset) throws SQLException {
        Table managers = new Table("manager", "name, email");
        for (var m : h.managers()) {
            if (!managerIds.containsKey(m.externalId())) {
                managerIds.put(m.externalId(), managers.row(m.externalId(), m.name(), m.email()));
            }
        }
        managers.copy();

        // The chunk's customers are DEMO-C0001 …: each becomes DEMO-C<offset + n>, and so do the ids of its records.
        Map<String, String> renamed = new HashMap<>();
        for (int i = 0; i < h.customers().size(); i++) {
            String local = h.customers().get(i).externalId();
            if (!local.equals(DemoHistory.customerId(i + 1))) {
                throw new IllegalStateException("the demo generator's customer " + (i + 1) + " is " + local);
            }
            renamed.put(local, DemoHistory.customerId(offset + i + 1));
        }
        Map<String, Long> customerIds = new HashMap<>();
        Table customers = new Table("customer",
                "name, segment, created_at, status, stage, birthday, manager_id, churned_at, referred_by_id");
        for (var c : h.customers()) {
            // A referrer comes earlier in the list: its row is already numbered.
            customerIds.put(c.externalId(), customers.row(renamed.get(c.externalId()), c.name(), c.segment(), c.createdAt(),
                    c.status(), c.stage(), c.birthday(), manager(c.managerExternalId()), c.churnedAt(),
                    c.referredByExternalId() == null ? null : require(customerIds, c.referredByExternalId())));
        }
        customers.copy();

        Ids ids = new Ids(renamed, customerIds);
        Table assignments = new Table("manager_assignment", "customer_id, manager_id, starts_at, ends_at, handover");
        h.assignments().forEach(a -> assignments.row(ids.record(a.externalId(), a.customerExternalId()),
                ids.customer(a.customerExternalId()), manager(a.managerExternalId()), a.startsAt(), a.endsAt(), a.handover()));
        assignments.copy();
        Table contacts = new Table("contact",
                "customer_id, manager_id, occurred_at, channel, direction, purpose, outcome, responded_at");
        h.contacts().forEach(k -> contacts.row(ids.record(k.externalId(), k.customerExternalId()), ids.customer(k.customerExternalId()),
                manager(k.managerExternalId()), k.occurredAt(), k.channel(), k.direction(), k.purpose(), k.outcome(), k.respondedAt()));
        contacts.copy();
        Table deals = new Table("deal", "customer_id, amount, currency, status, opened_at, closed_at, product_line");
        h.deals().forEach(d -> deals.row(ids.record(d.externalId(), d.customerExternalId()), ids.customer(d.customerExternalId()),
                d.amount(), d.currency(), d.status(), d.openedAt(), d.closedAt(), d.productLine()));
        deals.copy();
        Table subscriptions = new Table("subscription", "customer_id, product, starts_on, ends_on, auto_renew, annual");
        h.subscriptions().forEach(s -> subscriptions.row(ids.record(s.externalId(), s.customerExternalId()),
                ids.customer(s.customerExternalId()), s.product(), s.startsOn(), s.endsOn(), s.autoRenew(), s.annual()));
        subscriptions.copy();
        Table surveys = new Table("survey_response", "customer_id, answered_at, nps, csat, comment, factors");
        h.surveys().forEach(s -> surveys.row(ids.record(s.externalId(), s.customerExternalId()), ids.customer(s.customerExternalId()),
                s.answeredAt(), s.nps(), s.csat(), s.comment(), factorsJson(s.factors())));
        surveys.copy();
        Table tickets = new Table("ticket", "customer_id, opened_at, closed_at, kind, severity");
        h.tickets().forEach(t -> tickets.row(ids.record(t.externalId(), t.customerExternalId()), ids.customer(t.customerExternalId()),
                t.openedAt(), t.closedAt(), t.kind(), t.severity()));
        tickets.copy();
        Table emails = new Table("email_event", "customer_id, occurred_at, type, campaign");
        h.emailEvents().forEach(e -> emails.row(ids.record(e.externalId(), e.customerExternalId()), ids.customer(e.customerExternalId()),
                e.occurredAt(), e.type(), e.campaign()));
        emails.copy();
    }

    /** The chunk's renaming: a record's CRM id and its customer's row id. */
    private record Ids(Map<String, String> renamed, Map<String, Long> customerIds) {

        String record(String externalId, String customerExternalId) {
            if (!externalId.startsWith(customerExternalId + "-")) {
                throw new IllegalStateException("the demo record " + externalId + " is not named after its customer " + customerExternalId);
            }
            return require(renamed, customerExternalId) + externalId.substring(customerExternalId.length());
        }

        long customer(String customerExternalId) {
            return require(customerIds, customerExternalId);
        }
    }

    private Long manager(String externalId) {
        return externalId == null ? null : require(managerIds, externalId);
    }

    private static <V> V require(Map<String, V> known, String externalId) {
        V value = known.get(externalId);
        if (value == null) {
            throw new IllegalStateException("the demo history names an unknown record " + externalId);
        }
        return value;
    }

    /** CSI factors as the service stores them: [{"factor": "delivery", "score": 4, "weight": 0.3}, ...], as jsonb. */
    private static String factorsJson(List<SurveyFactor> factors) {
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
        return json.append(']').toString();
    }

    /** One table's rows of a chunk as CSV, sent with one COPY: id, external_id and source_hash, then its own columns. */
    private final class Table {
        private final String name;
        private final String columns;
        private final StringBuilder csv = new StringBuilder();
        private int rows;

        Table(String name, String columns) {
            this.name = name;
            this.columns = "id, external_id, source_hash, " + columns;
        }

        /** Adds a row with the next id, which it answers. */
        long row(String externalId, Object... values) {
            long id = nextId++;
            csv.append(id).append(',');
            field(externalId);
            csv.append(',');
            field(SOURCE_HASH);
            for (Object value : values) {
                csv.append(',');
                field(value);
            }
            csv.append('\n');
            rows++;
            return id;
        }

        // CSV as COPY reads it: an empty unquoted field is NULL, anything else is quoted.
        private void field(Object value) {
            if (value == null) {
                return;
            }
            String text = value instanceof BigDecimal decimal ? decimal.toPlainString()
                    : value instanceof Enum<?> constant ? constant.name()
                    : value.toString(); // Instant and LocalDate: ISO 8601, which PostgreSQL reads
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        }

        void copy() throws SQLException {
            if (rows == 0) {
                return;
            }
            try {
                copyManager.copyIn("copy " + name + " (" + columns + ") from stdin (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            counts.merge(name, rows, Integer::sum);
        }
    }
}
