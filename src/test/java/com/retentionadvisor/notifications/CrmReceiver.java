package com.retentionadvisor.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays the CRM's webhook endpoint in tests: a JDK HTTP server on a free loopback port that records every request and
 * answers 200, or 500 for bodies that mention a marker a test asked to fail on.
 */
final class CrmReceiver {

    /** One request as it arrived, and what the receiver answered. */
    record Received(String event, String delivery, String signature, byte[] body, int answeredWith) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> failAlways = ConcurrentHashMap.newKeySet();

    private CrmReceiver(HttpServer server) {
        this.server = server;
    }

    static CrmReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CrmReceiver receiver = new CrmReceiver(server);
            server.createContext("/hooks/retention", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/retention";
    }

    /** The first request of the event whose body mentions the marker is answered 500; the ones after it 200. */
    void failOnceFor(String event, String marker) {
        failOnce.add(event + " " + marker);
    }

    /** Every request whose body mentions the marker is answered 500. */
    void failAlwaysFor(String marker) {
        failAlways.add(marker);
    }

    /** Every request that carried this X-Retention-Delivery, in the order they came. */
    List<Received> deliveriesOf(long outboxId) {
        return received.stream().filter(r -> String.valueOf(outboxId).equals(r.delivery())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var headers = exchange.getRequestHeaders();
        String text = new String(body, StandardCharsets.UTF_8);
        String event = headers.getFirst("X-Retention-Event");
        boolean fail = failAlways.stream().anyMatch(text::contains) || failOnce.stream()
                .filter(mark -> mark.startsWith(event + " ") && text.contains(mark.substring(event.length() + 1)))
                .findFirst().map(failOnce::remove).orElse(false);
        int status = fail ? 500 : 200;
        received.add(new Received(event, headers.getFirst("X-Retention-Delivery"),
                headers.getFirst("X-Retention-Signature"), body, status));
        byte[] answer = (fail ? "the CRM is down for maintenance" : "ok").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
