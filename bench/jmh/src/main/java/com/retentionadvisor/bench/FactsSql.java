package com.retentionadvisor.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.FactsService;

/**
 * The SQL statement {@link FactsService} runs for a page of customers (a single customer is a page of one), executed
 * with plain JDBC. Its text is read from FactsService's constant by reflection, so the benchmark always runs the
 * service's current SQL, and its named parameters are bound the way Hibernate binds them: :asOf an instant as a
 * timestamptz, :period the days of CustomerFacts.PERIOD_DAYS, :ids the customers' row ids as a text array literal,
 * :externalIds an empty one. Every column of every row is read, as Hibernate does for a native query.
 */
public final class FactsSql {

    // Declared before the statement below, which uses it when the class initialises.
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    /** Every fact of a page of customers, one row each. */
    public static final FactsSql FACTS = of("FACTS");

    private final String constant;
    private final String jdbcSql;
    private final List<String> parameters;

    private FactsSql(String constant, String jdbcSql, List<String> parameters) {
        this.constant = constant;
        this.jdbcSql = jdbcSql;
        this.parameters = parameters;
    }

    /** The statement held by FactsService's private constant of that name. */
    public static FactsSql of(String constant) {
        String sql;
        try {
            Field field = FactsService.class.getDeclaredField(constant);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                throw new IllegalStateException("FactsService." + constant + " is not a static String");
            }
            field.setAccessible(true);
            sql = (String) field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("FactsService has no SQL constant " + constant + ": update bench/jmh FactsSql", e);
        }
        List<String> parameters = new ArrayList<>();
        Matcher matcher = NAMED_PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!List.of("asOf", "period", "ids", "externalIds").contains(name)) {
                throw new IllegalStateException("FactsService." + constant + " has a parameter :" + name + " the bench does not bind");
            }
            parameters.add(name);
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        return new FactsSql(constant, jdbc.toString(), List.copyOf(parameters));
    }

    /**
     * Runs the statement for a page of customers and reads every value; returns the number of rows. A new prepared
     * statement per call, like Hibernate: the PostgreSQL driver's statement cache keeps the server-side plan.
     */
    public int run(Connection connection, List<Long> customerIds, Instant asOf) throws SQLException {
        OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
        String ids = customerIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            for (int i = 0; i < parameters.size(); i++) {
                switch (parameters.get(i)) {
                    case "asOf" -> statement.setObject(i + 1, at);
                    case "period" -> statement.setInt(i + 1, CustomerFacts.PERIOD_DAYS);
                    case "ids" -> statement.setString(i + 1, ids);
                    default -> statement.setString(i + 1, "{}");
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                int count = 0;
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                    count++;
                }
                return count;
            }
        }
    }

    /**
     * What FactsService sets for its statement, in each transaction (set local): generic plans. The benchmark's
     * connection sets it once, for the session, which has the same effect on this statement.
     */
    public static void useGenericPlans(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
        }
    }

    /** The facts of one customer, as FactsService.factsFor runs them; returns the rows read (1). */
    public static int factsFor(Connection connection, long customerId, Instant asOf) throws SQLException {
        return FACTS.run(connection, List.of(customerId), asOf);
    }

    public String constant() {
        return constant;
    }

    public String jdbcSql() {
        return jdbcSql;
    }
}
