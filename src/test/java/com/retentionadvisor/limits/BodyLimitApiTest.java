package com.retentionadvisor.limits;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * A body declaring more than retention.limits.max-body-size is refused before it is read, with a problem document.
 * The request is written by hand: only its head is sent (with Expect: 100-continue, as clients sending large bodies
 * do), so the test shows that the answer comes before a byte of the body.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class BodyLimitApiTest {

    @TestHTTPResource("/api/contacts/batch")
    URI contacts;

    @Test
    void aBodyOverTheLimitIsAProblemDocument() throws Exception {
        String answer;
        try (Socket socket = new Socket(contacts.getHost(), contacts.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + contacts.getPath() + " HTTP/1.1\r\nHost: " + contacts.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 22000000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readAnswer(socket.getInputStream());
        }

        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
        assertThat(answer, containsString("\"status\":413"));
        assertThat(answer, containsString("the body is 22000000 bytes, more than the 20971520 one request may carry"));
        assertThat(answer, containsString("\"requestId\":\""));
    }

    /** The head of the answer and as much of its body as its Content-Length says. */
    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int headEnd = -1;
        int length = -1;
        while (headEnd < 0 || read.size() < headEnd + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                headEnd = text.length();
                var matcher = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                length = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
