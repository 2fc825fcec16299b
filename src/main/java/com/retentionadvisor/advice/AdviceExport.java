package com.retentionadvisor.advice;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.problems.InvalidInputException;

/**
 * The latest stored advice of every customer evaluated since an instant, as NDJSON, oldest evaluation first: what a
 * CRM syncs the whole base from in one call. Each line carries a cursor; a sync that broke off goes on from the last
 * line it read ({@code cursor=…}); the last line, {@code {"end":true,"lines":N,"cursor":…}}, says the export is whole
 * and where the next night's goes on from. Evaluations younger than the settling time (retention.bulk.export-settle)
 * wait for the next export, so that one still committing is not passed over. Rows are read a few hundred at a time
 * and written as they come: the service holds one fetch, never the answer.
 */
@ApplicationScoped
public class AdviceExport {

    private static final Logger LOG = Logger.getLogger(AdviceExport.class);
    static final int FETCH_SIZE = 500;

    // A customer's latest advice only: no newer one of theirs exists. Ordered by (evaluated_at, id), the cursor's order.
    private static final String LATEST_SINCE = """
            select a.id, a.evaluated_at, c.external_id, a.body::text as body
              from advice a join customer c on c.id = a.customer_id
             where (a.evaluated_at, a.id) > (?, ?)
               and a.evaluated_at < ?
               and not exists (select 1 from advice newer
                                where newer.customer_id = a.customer_id
                                  and (newer.evaluated_at, newer.id) > (a.evaluated_at, a.id))
             order by a.evaluated_at, a.id
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    BulkConfig config;

    @Inject
    AuditLog audit;

    /** Where an export goes on from: after this evaluation instant and advice id. */
    public record Cursor(Instant evaluatedAt, long id) {

        static Cursor since(Instant since) {
            return new Cursor(since, Long.MAX_VALUE);
        }

        /** "seconds.nanos-id", e.g. 1765100000.123456000-4051 */
        String encoded() {
            return evaluatedAt.getEpochSecond() + "." + String.format("%09d", evaluatedAt.getNano()) + "-" + id;
        }

        static Cursor parse(String value) {
            try {
                int dash = value.lastIndexOf('-');
                String[] instant = value.substring(0, dash).split("\\.");
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(instant[0]), Long.parseLong(instant[1])),
                        Long.parseLong(value.substring(dash + 1)));
            } catch (RuntimeException e) {
                throw InvalidInputException.of("cursor", "'" + value + "' is not a cursor of this export: pass the cursor of the last line read");
            }
        }
    }

    /** The stream to answer with, the export audited; the query runs when the answer is written. */
    public StreamingOutput from(Cursor after) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditAction.ADVICE_EXPORTED, "advice-export",
                Map.of("after", after.encoded())));
        // Evaluations younger than the settling time may still be committing out of their instants' order: left to the next.
        Instant settledBefore = Instant.now().minus(config.exportSettle());
        return output -> {
            long started = System.nanoTime();
            long lines = 0;
            Cursor last = after;
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false); // PostgreSQL fetches a cursor's rows in batches only inside a transaction
                // Read only for this transaction alone (ended by the rollback): the pooled connection stays as it was.
                try (Statement readOnly = connection.createStatement()) {
                    readOnly.execute("set transaction read only");
                }
                try (PreparedStatement statement = connection.prepareStatement(LATEST_SINCE)) {
                    statement.setFetchSize(FETCH_SIZE);
                    statement.setObject(1, after.evaluatedAt().atOffset(ZoneOffset.UTC));
                    statement.setLong(2, after.id());
                    statement.setObject(3, settledBefore.atOffset(ZoneOffset.UTC));
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            last = new Cursor(rows.getObject("evaluated_at", OffsetDateTime.class).toInstant(), rows.getLong("id"));
                            out.write(line(last, rows.getString("external_id"), rows.getString("body")));
                            lines++;
                        }
                    }
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                LOG.errorf(e, "Advice export broke off after %d lines; the caller goes on from the last cursor it read", lines);
                throw new IOException("the export broke off after " + lines + " lines", e);
            }
            // The last line says the export is whole, and where the next one goes on from (also when nothing was new).
            out.write("{\"end\":true,\"lines\":" + lines + ",\"cursor\":\"" + last.encoded() + "\"}\n");
            out.flush();
            LOG.infof("Advice export: %d customers after %s in %d ms", lines, after.encoded(), (System.nanoTime() - started) / 1_000_000);
        };
    }

    private String line(Cursor cursor, String customerId, String advice) {
        try {
            return "{\"cursor\":\"" + cursor.encoded() + "\",\"customerId\":" + json.writeValueAsString(customerId)
                    + ",\"evaluatedAt\":\"" + cursor.evaluatedAt() + "\",\"advice\":" + advice + "}\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
