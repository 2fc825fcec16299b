package com.retentionadvisor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * A large demo base in the service's own database, for bench/evaluation-100k.sh; the service has migrated it, and it
 * holds no customer yet. Run from the bench jar (see bench/README.md):
 * <pre>
 * java -cp bench/target/benchmarks.jar com.retentionadvisor.bench.DemoBase load   &lt;jdbc url&gt; &lt;customers&gt; [seed]
 * java -cp bench/target/benchmarks.jar com.retentionadvisor.bench.DemoBase counts &lt;jdbc url&gt;
 * </pre>
 * {@code load} writes the demo customers with {@link DemoRows}, then vacuums and analyses (so that autovacuum does not
 * start during a measurement) and checkpoints; {@code counts} prints what an evaluation left: advice and
 * recommendation rows, notifications queued, the database's size.
 */
public final class DemoBase {

    private DemoBase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length >= 3 && args[0].equals("load")) {
            load(args[1], Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 42);
        } else if (args.length == 2 && args[0].equals("counts")) {
            counts(args[1]);
        } else {
            System.err.println("usage: DemoBase load <jdbc url> <customers> [seed] | DemoBase counts <jdbc url>");
            System.exit(2);
        }
    }

    private static void load(String url, int customers, long seed) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url)) {
            DemoRows rows = new DemoRows(connection);
            int every = Math.max(DemoRows.CHUNK, customers / 10);
            int[] nextReport = {every};
            rows.write(customers, seed, Instant.now(), done -> {
                if (done >= nextReport[0] || done == customers) {
                    System.out.printf("loaded %d customers in %.1f s%n", done, seconds(started));
                    nextReport[0] += every;
                }
            });
            double written = seconds(started);
            long total = rows.counts().values().stream().mapToLong(Integer::longValue).sum();
            System.out.printf("rows written in %.1f s (%.0f rows/s): %s%n", written, total / written, rows.counts());
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum (analyze)");
                statement.execute("checkpoint");
            }
            System.out.printf("vacuum (analyze) and checkpoint in %.1f s; database size %s%n", seconds(started) - written,
                    value(connection, "select pg_size_pretty(pg_database_size(current_database()))"));
        }
    }

    private static void counts(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            System.out.printf("customers %s, advice rows %s, recommendations %s (open %s), notifications queued %s, database size %s%n",
                    value(connection, "select count(*) from customer"),
                    value(connection, "select count(*) from advice"),
                    value(connection, "select count(*) from recommendation"),
                    value(connection, "select count(*) from recommendation where status in ('PROPOSED', 'ACCEPTED')"),
                    value(connection, "select count(*) from notification_outbox"),
                    value(connection, "select pg_size_pretty(pg_database_size(current_database()))"));
        }
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
