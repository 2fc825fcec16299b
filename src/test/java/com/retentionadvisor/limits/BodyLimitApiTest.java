package com.retentionadvisor.limits;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A body over quarkus.http.limits.max-body-size is refused before it is read, with a problem document. The client asks
 * first (Expect: 100-continue), as HTTP clients sending large bodies do: without it the service still answers 413 at
 * once and closes the connection, and the client may see that only as a broken pipe while it is still sending.
 */
@QuarkusTest
class BodyLimitApiTest {

    @TestHTTPResource("/api/contacts/batch")
    URI contacts;

    @Test
    void aBodyOverTheLimitIsAProblemDocument() throws Exception {
        byte[] body = new byte[21 * 1024 * 1024]; // one megabyte more than the 20M allowed; never sent
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(contacts)
                .header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode(), equalTo(413));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), equalTo("application/problem+json"));
        assertThat(response.body(), containsString("\"status\":413"));
        assertThat(response.body(), containsString("more than the 20971520 one request may carry"));
    }
}
