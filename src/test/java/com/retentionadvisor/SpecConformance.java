package com.retentionadvisor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The OpenAPI document cannot drift from the service: every request an API test makes to {@code /api/...} and the
 * answer it gets are checked against the document the running service serves at {@code /q/openapi} (Atlassian's
 * swagger-request-validator), and a mismatch fails the test that made the call.
 *
 * <p>Installed before every {@code @QuarkusTest} (registered in
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}). What is left unchecked, and
 * why:
 * <ul>
 * <li>the request of a call the service refused (4xx): tests send bad requests on purpose; the refusal itself is still
 * checked (a documented status with the Problem schema);</li>
 * <li>a path the document does not know when the service answered 404 or 405 (tests of unknown endpoints);</li>
 * <li>the body of a multipart request (rule files), which the validator does not read;</li>
 * <li>credentials: {@code @TestSecurity} tests send none, and the security tests check authentication.</li>
 * </ul>
 */
public final class SpecConformance implements Filter, QuarkusTestBeforeEachCallback {

    private static final Set<String> UNKNOWN_PATH = Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private static volatile OpenApiInteractionValidator validator;
    private static volatile String validatorFor;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(SpecConformance.class::isInstance)) {
            RestAssured.filters(new SpecConformance());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        URI uri = URI.create(request.getURI());
        boolean multipart = !request.getMultiPartParams().isEmpty();
        boolean bodiless = !multipart && request.getBody() == null && request.getFormParams().isEmpty();
        List<String> mismatches = mismatches(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort(),
                RestAssuredRequest.of(request), RestAssuredResponse.of(response)).stream()
                // The validator does not read a multipart body (a folder of rule files): it would call it missing.
                .filter(m -> !(multipart && m.contains("[validation.request.body.missing]")))
                // A POST without a body still carries REST Assured's default Content-Type: there is nothing to type.
                .filter(m -> !(bodiless && m.contains("[validation.request.contentType.notAllowed]")))
                .toList();
        if (!mismatches.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (" + response.statusCode()
                    + ") is not what /q/openapi documents:\n" + String.join("\n", mismatches)
                    + "\nbody: " + abbreviated(response.asString()));
        }
        return response;
    }

    /** What in this exchange with the service at {@code base} the served document does not say, one line each. */
    public static List<String> mismatches(String base, Request request, com.atlassian.oai.validator.model.Response response) {
        int status = response.getStatus();
        return validatorFor(base).validate(request, response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(status >= 400 && status < 500 && m.getKey().startsWith("validation.request.")))
                .filter(m -> !((status == 404 || status == 405) && UNKNOWN_PATH.contains(m.getKey())))
                .map(SpecConformance::describe)
                .toList();
    }

    private static String describe(ValidationReport.Message message) {
        return "  - [" + message.getKey() + "] " + message.getMessage()
                + message.getNestedMessages().stream().map(n -> "\n      " + n.getMessage()).collect(Collectors.joining());
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 600 ? body : body.substring(0, 600) + " …";
    }

    /** One validator per running service (the document is read once; a restarted service on another port is read again). */
    private static OpenApiInteractionValidator validatorFor(String base) {
        if (!base.equals(validatorFor)) {
            synchronized (SpecConformance.class) {
                if (!base.equals(validatorFor)) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(served(base))
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                    validatorFor = base;
                }
            }
        }
        return validator;
    }

    private static String served(String base) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("/q/openapi answered " + answer.statusCode());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not read /q/openapi from " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
