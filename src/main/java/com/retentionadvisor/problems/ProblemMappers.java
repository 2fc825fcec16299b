package com.retentionadvisor.problems;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.retentionadvisor.database.DatabaseFailures;

/** Turns every error into application/problem+json; no class name or stack trace ever reaches the caller. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response response = respond(e.toProblem());
        return e instanceof TryAgainLaterException later
                ? Response.fromResponse(response).header("Retry-After", later.retryAfterSeconds()).build()
                : response;
    }

    // A parameter or body field outside its bounds (@Size, @Max, … on an endpoint): the same 400 as every other
    // unreadable input, naming the field as the caller sent it ("note", not the Java method's path to it).
    @ServerExceptionMapper
    public Response constraintViolated(ResteasyReactiveViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::ofReturnValue)) {
            return unexpected(e);
        }
        return apiException(new InvalidInputException(e.getConstraintViolations().stream()
                .map(violation -> FieldProblem.ofField(fieldOf(violation), violation.getMessage()))
                .toList()));
    }

    private static boolean ofReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The field under the parameter ("note" of the body), or the parameter itself (a query parameter). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        List<String> fields = new java.util.ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                fields.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        return fields.isEmpty() ? parameter : String.join(".", fields);
    }

    // A request that reached an endpoint without a caller: the HTTP policy turns most away before, with the same answer.
    @ServerExceptionMapper
    public Uni<Response> notSignedIn(UnauthorizedException e, RoutingContext context) {
        return AccessProblems.challenge(context, AccessProblems.SIGN_IN);
    }

    // Every failed authentication comes here: an unknown or revoked key, a wrong password on the login form (which
    // the form login answers with its error page), the session of a person disabled since.
    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        return AccessProblems.challenge(context, AccessProblems.whyNotSignedIn(context));
    }

    @ServerExceptionMapper
    public Response notAllowed(ForbiddenException e, SimpleResourceInfo resource) {
        List<String> roles = rolesAllowed(resource);
        return respond(AccessProblems.notAllowed(roles.isEmpty() ? AccessProblems.ROLE_MAY_NOT
                : "the caller's role may not do this: it needs the role " + AccessProblems.anyOf(roles)));
    }

    /** The roles the endpoint's @RolesAllowed names (the method's, else its class's), sorted; empty when unknown. */
    static List<String> rolesAllowed(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return List.of();
        }
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
            if (allowed == null) {
                allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            return allowed == null ? List.of() : Arrays.stream(allowed.value()).sorted().toList();
        } catch (NoSuchMethodException e) {
            return List.of();
        }
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return badRequest(jsonProblem(e));
    }

    // Overrides Quarkus' built-in mapper, which answers 400 with no body.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badRequest(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return badRequest(jsonProblem(e));
    }

    // Any other JSON reading error, such as a number too large for its field.
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return badRequest(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request, HttpHeaders headers) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return badRequest(jsonProblem(json));
        }
        return respond(switch (status.getStatusCode()) {
            case 404 -> new Problem(Problem.typeFor("unknown-endpoint"), "Unknown endpoint", 404,
                    "there is no endpoint " + request.method().name() + " " + request.path()
                            + ": the API is described at /q/openapi and /q/swagger-ui", List.of());
            case 405 -> new Problem(Problem.typeFor("method-not-allowed"), "Method not allowed", 405,
                    request.path() + " does not answer " + request.method().name()
                            + ": the API is described at /q/openapi and /q/swagger-ui", List.of());
            case 406 -> new Problem(Problem.typeFor("not-acceptable"), "Not acceptable", 406,
                    "the Accept header asked for '" + headers.getHeaderString(HttpHeaders.ACCEPT)
                            + "', which this endpoint does not answer: the types it answers are in /q/openapi", List.of());
            case 415 -> new Problem(Problem.typeFor("unsupported-media-type"), "Unsupported media type", 415,
                    "the body was sent as '" + headers.getHeaderString(HttpHeaders.CONTENT_TYPE)
                            + "': send it with Content-Type: application/json (rule files: application/zip or multipart/form-data)",
                    List.of());
            default -> new Problem(Problem.typeFor("http-" + status.getStatusCode()), status.getReasonPhrase(),
                    status.getStatusCode(), e.getMessage(), List.of());
        });
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.connectionLost(e)) {
            // An outage, not a fault of the advisor: one line, without the stack trace, for each request it turns away.
            LOG.warnf("Database unavailable, answered 503: %s", rootMessage(e));
            return apiException(new DatabaseUnavailableException());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(new Problem(Problem.typeFor("internal-error"), "Internal error", 500,
                "the advisor failed to answer; quote reference " + reference + " when reporting it", List.of()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response badRequest(FieldProblem problem) {
        return respond(new InvalidInputException(List.of(problem)).toProblem());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A body that is not JSON, or JSON that does not fit: which item, which field, what is wrong. */
    static FieldProblem jsonProblem(JsonProcessingException e) {
        boolean truncated = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
        if (e instanceof JsonMappingException mapping && !truncated && !(mapping.getCause() instanceof JsonParseException)) {
            return fieldProblem(mapping);
        }
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String why = truncated ? "the body ends too early" : e instanceof JsonParseException ? firstLine(e.getOriginalMessage()) : "a value cannot be read";
        return FieldProblem.ofField(null, "malformed JSON" + where + ": " + why);
    }

    /** Names the item index and the field from Jackson's path, e.g. items[3].channel. */
    static FieldProblem fieldProblem(JsonMappingException e) {
        Integer index = null;
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                if (index == null && field.length() == 0) {
                    index = ref.getIndex();
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return new FieldProblem(index, field.length() == 0 ? null : field.toString(), messageFor(e));
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof RefusedValueException refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return "unknown field '" + upe.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException ife) {
            Class<?> target = ife.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return "'" + ife.getValue() + "' is not one of " + allowed;
            }
            return "'" + ife.getValue() + "' is not a valid " + readableType(target);
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "expected " + readableType(mie.getTargetType());
        }
        // Jackson's own wording names Java classes: say it plainly instead.
        return "unreadable value";
    }

    private static String readableType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime" -> "ISO-8601 instant with an offset, e.g. 2026-03-01T09:30:00Z";
            case "LocalDate" -> "ISO date, e.g. 2026-03-01";
            case "BigDecimal" -> "decimal number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "string";
            case "List", "ArrayList", "Collection" -> "JSON array";
            default -> type.isRecord() ? "JSON object" : "value";
        };
    }

    private static String firstLine(String message) {
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
