package com.retentionadvisor.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The database side of one customer's facts, and of one whole GET …/advice, on a fresh embedded PostgreSQL holding
 * the 300 demo customers (see {@link BenchStore}). Each operation takes the next customer round-robin, so the numbers
 * are the average over the demo's stories. Client (JDBC, one kept connection) and server share the machine's cores.
 * <ul>
 * <li>{@code facts}: FactsService's statement for one customer (autocommit, as a read);</li>
 * <li>{@code factsPageOf100}: the same statement for a page of 100 customers, as a back-test or a batch reads them
 * (divide by 100 for the cost per customer);</li>
 * <li>{@code adviceCallSql}: everything the database does per GET …/advice, in one transaction: the customer looked up
 * by its CRM id, the facts statement, the advice row inserted (a ~3 KB jsonb body; ids from a sequence allocated 50
 * at a time, as Hibernate does) and the commit. The JSON, the rules and HTTP are not in it.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", BenchLogging.LEVEL})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FactsSqlBenchmark {

    private static final int CUSTOMERS = 300;
    private static final long SEED = 42;

    private BenchStore store;
    private Connection connection;
    private List<BenchStore.Customer> customers;
    private Instant asOf;
    private int next;
    private long nextAdviceId;
    private long adviceIdLimit;

    @Setup(Level.Trial)
    public void startStore() throws IOException, SQLException {
        long started = System.nanoTime();
        store = BenchStore.start(CUSTOMERS, SEED);
        connection = store.connect();
        FactsSql.useGenericPlans(connection);
        customers = store.customers();
        asOf = store.asOf();
        System.out.printf("%n[bench] embedded PostgreSQL migrated and loaded in %d ms: %s%n",
                (System.nanoTime() - started) / 1_000_000, store.rowCounts());
        if (FactsSql.factsFor(connection, customers.get(4).id(), asOf) != 1) {
            throw new IllegalStateException("FactsService.FACTS did not return one row for one customer");
        }
    }

    @TearDown(Level.Trial)
    public void stopStore() throws IOException, SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from advice")) {
            rows.next();
            System.out.printf("%n[bench] advice rows written: %d%n", rows.getLong(1));
        }
        connection.close();
        store.close();
    }

    private BenchStore.Customer nextCustomer() {
        BenchStore.Customer customer = customers.get(next);
        next = (next + 1) % customers.size();
        return customer;
    }

    @Benchmark
    public int factsPageOf100() throws SQLException {
        List<Long> page = new java.util.ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            page.add(nextCustomer().id());
        }
        return FactsSql.FACTS.run(connection, page, asOf);
    }

    @Benchmark
    public int facts() throws SQLException {
        return FactsSql.factsFor(connection, nextCustomer().id(), asOf);
    }

    @Benchmark
    public int adviceCallSql() throws SQLException {
        BenchStore.Customer customer = nextCustomer();
        connection.setAutoCommit(false);
        try {
            long id;
            try (PreparedStatement find = connection.prepareStatement(FIND_CUSTOMER)) {
                find.setString(1, customer.externalId());
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    for (int c = 1; c <= 10; c++) {
                        rows.getObject(c);
                    }
                    id = rows.getLong(1);
                }
            }
            int read = FactsSql.factsFor(connection, id, asOf);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ADVICE)) {
                insert.setObject(1, asOf.atOffset(ZoneOffset.UTC));
                insert.setObject(2, ADVICE_BODY, Types.OTHER);
                insert.setLong(3, id);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.setObject(5, FIRED_RULES, Types.OTHER);
                insert.setString(6, "CRITICAL");
                insert.setInt(7, 75);
                insert.setString(8, "bench");
                insert.setString(9, "DISSOLUTION");
                insert.setLong(10, nextAdviceId());
                read += insert.executeUpdate();
            }
            connection.commit();
            return read;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Hibernate's pooled optimizer for advice_seq (allocationSize 50): one nextval per 50 inserts. */
    private long nextAdviceId() throws SQLException {
        if (nextAdviceId == adviceIdLimit) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select nextval('advice_seq')")) {
                rows.next();
                adviceIdLimit = rows.getLong(1) + 50;
                nextAdviceId = adviceIdLimit - 50;
            }
        }
        return nextAdviceId++;
    }

    private static final String FIND_CUSTOMER = "select c.id, c.birthday, c.created_at, c.external_id, c.manager_id, c.name,"
            + " c.segment, c.source_hash, c.stage, c.status from customer c where c.external_id = ? fetch first 1 rows only";

    private static final String INSERT_ADVICE = "insert into advice (as_of, body, customer_id, evaluated_at, fired_rules,"
            + " risk_level, risk_score, ruleset_version, stage, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String FIRED_RULES = """
            ["Sales talk is at most 20% of all communication over 90 days","Proactive contacts are capped at 3 in 7 days",\
            "Proactive contacts are capped at 8 in 30 days",\
            "A customer whose orders fell to half of the period before is drifting into dissolution",\
            "Emails go unopened: 3 or more in a row","NPS detractor: the latest answer is 6 or lower",\
            "Orders fell to half of the previous period or less","Dissolution: exit survey","Dissolution: win-back offer",\
            "A sales action is held back when sales talk is at the limit","A detractor gets a recovery call",\
            "Useful content is offered instead of sales talk held back","Risk is CRITICAL from 70 points"]""";

    /** The README's advice for a drifting demo customer: the size and shape of a stored body. */
    private static final String ADVICE_BODY = """
            {"customerId":"DEMO-C0005","asOf":"2026-11-25T20:36:45.638901232Z","risk":{"score":75,"level":"CRITICAL",\
            "levelRule":"Risk is CRITICAL from 70 points","signs":[{"code":"NPS_DETRACTOR","weight":30,\
            "evidence":"The latest NPS answer was 5 (a detractor answers 0 to 6)",\
            "rule":"NPS detractor: the latest answer is 6 or lower"},{"code":"ORDERS_FELL","weight":25,\
            "evidence":"Orders per 90 days fell from 4 to 1","rule":"Orders fell to half of the previous period or less"},\
            {"code":"EMAILS_UNOPENED","weight":20,"evidence":"The last 4 emails in a row were not opened",\
            "rule":"Emails go unopened: 3 or more in a row"}]},"stage":"DISSOLUTION",\
            "stageRule":"A customer whose orders fell to half of the period before is drifting into dissolution",\
            "actions":[{"code":"RECOVERY_CALL","title":"Call to recover the relationship","purpose":"SERVICE","priority":95,\
            "reason":"The latest NPS answer was 5: call within 48 hours to recover the relationship",\
            "rule":"A detractor gets a recovery call"},{"code":"EXIT_SURVEY","title":"Ask why they are leaving (exit survey)",\
            "purpose":"SURVEY","priority":80,"reason":"Fits the customer's stage: DISSOLUTION","rule":"Dissolution: exit survey"},\
            {"code":"SHARE_USEFUL_CONTENT","title":"Share useful content: news, a template, a short training","purpose":"VALUE",\
            "priority":70,"reason":"Offered instead of a sales pitch: sales talk is at its limit",\
            "rule":"Useful content is offered instead of sales talk held back"}],"suppressed":[{"code":"WIN_BACK_OFFER",\
            "title":"Make a win-back offer","reason":"Sales talk would reach 29% of all communication over 90 days; the limit is 20%",\
            "rule":"A sales action is held back when sales talk is at the limit"}],"contact":{"allowed":true,"reasons":[]},\
            "rulesetVersion":"ed0a44d6ff4f","firedRules":""" + FIRED_RULES + "}";
}
