package com.retentionadvisor.limits;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.operations.RequestIds;
import com.retentionadvisor.problems.Problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits every request meets before any resource runs: no NUL character in its address (no id holds one, and
 * PostgreSQL cannot compare with one), the size of its body, and how fast one caller may call the API. Each answers
 * with a problem document (400; 413; 429 with Retry-After). A caller is the credential it presents (the
 * Authorization header, never stored as such: its hash) or, without one, its network address.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);
    /** Callers not seen for this long are forgotten, so that the table does not grow without end. */
    private static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);

    @Inject
    LimitsConfig config;

    @Inject
    ObjectMapper json;

    private final Map<String, TokenBucket> callers = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    // First of all, before the body is read and before authentication; a refusal still gets its request id.
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            refuse(context, 400, "invalid-input", "Invalid input",
                    "the address may not contain the NUL character (%00): no id or parameter holds one");
            return;
        }
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBody = config.maxBodySize().asLongValue();
        if (declared != null && declaredLength(declared) > maxBody) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, 413, "body-too-large", "Request body too large", "the body is " + declared
                    + " bytes, more than the " + maxBody + " one request may carry: split it into smaller batches");
            return;
        }
        if (context.normalizedPath().startsWith("/api/")) {
            long now = System.nanoTime();
            TokenBucket bucket = callers.computeIfAbsent(callerOf(context), key -> new TokenBucket(config.burst(), now));
            long waitNanos = bucket.take(config.requestsPerSecond(), config.burst(), now);
            sweep(now);
            if (waitNanos > 0) {
                long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
                context.response().putHeader("Retry-After", Long.toString(seconds));
                refuse(context, 429, "too-many-requests", "Too many requests", "this caller may make "
                        + config.requestsPerSecond() + " requests a second (bursts of " + config.burst()
                        + "); try again in " + seconds + " s");
                return;
            }
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP layer answers a malformed length itself
        }
    }

    private static String callerOf(RoutingContext context) {
        String credential = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (credential != null) {
            return "credential:" + HexFormat.of().formatHex(Callers.hash(credential));
        }
        var address = context.request().remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }

    private void sweep(long now) {
        if (now - lastSweep < FORGET_AFTER_NANOS) {
            return;
        }
        lastSweep = now;
        callers.values().removeIf(bucket -> bucket.idleSince(now) > FORGET_AFTER_NANOS);
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail) {
        RequestIds.assign(context);
        Problem problem = new Problem(Problem.typeFor(type), title, status, detail, List.of());
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            LOG.error("Cannot write a problem document", e);
            context.response().setStatusCode(status).end();
        }
    }

    /** Tokens refill at the caller's rate up to the burst; each request takes one. */
    static final class TokenBucket {
        private double tokens;
        private long updated;

        TokenBucket(int burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        /** Takes a token and answers 0, or answers how long until one is there. */
        synchronized long take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / perSecond * 1e9);
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
