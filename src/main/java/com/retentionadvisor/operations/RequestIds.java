package com.retentionadvisor.operations;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id: the caller's X-Request-Id when it is sane, a new UUID otherwise. The id is in the
 * log's MDC while the request is served (JSON logs carry it), in the X-Request-Id header of every response, errors
 * and 404s included, in every problem body and in the audit log.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    // Ahead of every other filter (authentication included), so that even a request turned away carries its id.
    private static final int PRIORITY = 10_000;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(this::identify, PRIORITY);
    }

    /** The id of the request being served on this thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The caller's id when it is 1 to 64 characters of letters, digits, '.', '_' and '-'; otherwise a new one. */
    static String idFor(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private void identify(RoutingContext request) {
        assign(request);
        request.next();
    }

    /**
     * Gives the request its id, once: the log's MDC and the response header get it. For whatever answers a request
     * before this filter runs (RequestLimits).
     */
    public static String assign(RoutingContext request) {
        String assigned = request.get(MDC_KEY);
        if (assigned != null) {
            MDC.put(MDC_KEY, assigned);
            return assigned;
        }
        String id = idFor(request.request().getHeader(HEADER));
        request.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        request.addHeadersEndHandler(ignored -> request.response().headers().set(HEADER, id));
        return id;
    }
}
