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

import com.retentionadvisor.facts.FactsService;

/**
 * The SQL statements {@link FactsService} runs for one customer, executed with plain JDBC. Their text is read from
 * FactsService's constants by reflection, so the benchmark always runs the service's current SQL, and its named
 * parameters (:asOf, :customer) are bound the way Hibernate binds them: an instant as a timestamptz, the customer's
 * row id as a bigint. Every column of every row is read, as Hibernate does for a native query.
 */
public final class FactsSql {

    // Declared before the statements below, which use it when the class initialises.
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    /** The per-customer contact counts by direction, channel and purpose over 7, 30, 90 and 365 days. */
    public static final FactsSql CONTACT_COUNTS = of("CONTACT_COUNTS");
    /** Orders, deals, emails, subscription, surveys and manager changes in one row. */
    public static final FactsSql HISTORY = of("HISTORY");

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
            if (!name.equals("asOf") && !name.equals("customer")) {
                throw new IllegalStateException("FactsService." + constant + " has a parameter :" + name + " the bench does not bind");
            }
            parameters.add(name);
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        return new FactsSql(constant, jdbc.toString(), List.copyOf(parameters));
    }

    /**
     * Runs the statement for one customer and reads every value; returns the number of rows. A new prepared
     * statement per call, like Hibernate: the PostgreSQL driver's statement cache keeps the server-side plan.
     */
    public int run(Connection connection, long customerId, Instant asOf) throws SQLException {
        OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).equals("asOf")) {
                    statement.setObject(i + 1, at);
                } else {
                    statement.setLong(i + 1, customerId);
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

    /** Both statements, as FactsService.factsFor runs them for one customer; returns the rows read. */
    public static int factsFor(Connection connection, long customerId, Instant asOf) throws SQLException {
        return CONTACT_COUNTS.run(connection, customerId, asOf) + HISTORY.run(connection, customerId, asOf);
    }

    public String constant() {
        return constant;
    }

    public String jdbcSql() {
        return jdbcSql;
    }
}
