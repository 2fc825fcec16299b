package com.retentionadvisor.callers;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import com.retentionadvisor.AsCaller;
import com.retentionadvisor.Crm;

/**
 * Who may call what, walked over every endpoint with real callers made through the service (no @TestSecurity): with
 * no caller an API endpoint answers 401 problem+json and a page sends the person to /login; a role the endpoint does
 * not name answers 403; a manager asking for another manager's customer, worklist or recommendation gets the very
 * 404 of an id that does not exist; the roles it names get in. The table below is checked against the resources, so
 * an endpoint added without a row here (or with other roles than the row says) fails this test.
 */
@QuarkusTest
class SecurityApiTest {

    private static final String JSON = "application/json";
    private static final String ZIP = "application/zip";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> NOT_ADMIN = List.of(Roles.CRM, Roles.ANALYST, Roles.MANAGER);

    /** Which path parameter names whose data a manager may or may not see. */
    enum Owned { NOTHING, CUSTOMER, MANAGER, RECOMMENDATION }

    /** One endpoint: who may call it besides admin (none: public), whose data it shows, and a request that it reads. */
    record Endpoint(String method, String path, Set<String> roles, Owned owned, String contentType, String body) {

        boolean isPublic() {
            return roles.isEmpty();
        }

        boolean isPage() {
            return !path.startsWith("/api/");
        }

        String key() {
            return method + " " + path;
        }

        /** The path with the data of the given manager's side filled in; other parameters get a value no record has. */
        String at(World.Side side) {
            String filled = switch (owned) {
                case CUSTOMER -> path.replace("{externalId}", side.customer());
                case MANAGER -> path.replace("{externalId}", side.manager());
                case RECOMMENDATION -> path.replace("{id}", String.valueOf(side.recommendation()));
                case NOTHING -> path;
            };
            return filled.replaceAll("\\{[^}]+}", "0");
        }

        /** The path naming a customer, manager or recommendation that does not exist. */
        String atUnknown() {
            return at(new World.Side("NO-SUCH-MANAGER", "NO-SUCH-CUSTOMER", 999_999_999L, null));
        }
    }

    private static Endpoint api(String method, String path, Owned owned, String... roles) {
        return sending(method, path, owned, null, null, roles);
    }

    private static Endpoint sending(String method, String path, Owned owned, String contentType, String body, String... roles) {
        return new Endpoint(method, path, Set.of(roles), owned, contentType, body);
    }

    // Bodies and parameters that every endpoint reads but that start no job and change nothing of another test's:
    // the right role gets a 400 or a 404 from them, never a 401 or a 403.
    private static final String BAD_ZIP = "not a zip";
    static final List<Endpoint> ENDPOINTS = List.of(
            sending("POST", "/api/managers/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/customers/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/assignments/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/contacts/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/people/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/deals/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/subscriptions/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/surveys/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/email-events/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            sending("POST", "/api/tickets/batch", Owned.NOTHING, JSON, "[]", Roles.CRM),
            api("GET", "/api/customers/{externalId}/advice", Owned.CUSTOMER, Roles.CRM, Roles.MANAGER),
            sending("POST", "/api/customers/{externalId}/contact-check", Owned.NOTHING, JSON, "{}", Roles.CRM),
            sending("POST", "/api/advice/query", Owned.NOTHING, JSON, "{}", Roles.CRM, Roles.MANAGER),
            sending("POST", "/api/contact-checks", Owned.NOTHING, JSON, "{}", Roles.CRM),
            api("GET", "/api/advice/export?cursor=not-a-cursor", Owned.NOTHING, Roles.CRM),
            api("GET", "/api/customers/{externalId}/timeline", Owned.CUSTOMER, Roles.MANAGER),
            api("GET", "/api/customers/{externalId}/facts", Owned.NOTHING, Roles.ANALYST),
            api("POST", "/api/customers/{externalId}/evaluation", Owned.CUSTOMER, Roles.MANAGER),
            api("POST", "/api/evaluations", Owned.NOTHING, Roles.ADMIN),
            api("GET", "/api/evaluations/{id}", Owned.NOTHING, Roles.ADMIN),
            api("GET", "/api/managers/{externalId}/worklist", Owned.MANAGER, Roles.MANAGER),
            api("GET", "/api/managers/{externalId}/digest", Owned.MANAGER, Roles.MANAGER),
            api("GET", "/api/teams/{team}/worklist", Owned.NOTHING, Roles.ADMIN),
            api("GET", "/api/recommendations/{id}", Owned.RECOMMENDATION, Roles.MANAGER),
            api("POST", "/api/recommendations/{id}/accept", Owned.RECOMMENDATION, Roles.MANAGER),
            sending("POST", "/api/recommendations/{id}/done", Owned.RECOMMENDATION, JSON, "{\"channel\": \"PHONE\"}", Roles.MANAGER),
            sending("POST", "/api/recommendations/{id}/dismiss", Owned.RECOMMENDATION, JSON, "{}", Roles.MANAGER),
            api("GET", "/api/kpis", Owned.NOTHING, Roles.ANALYST, Roles.MANAGER),
            api("GET", "/api/notifications/outbox", Owned.NOTHING, Roles.ADMIN),
            api("POST", "/api/notifications/digests?date=not-a-date", Owned.NOTHING, Roles.ADMIN),
            api("GET", "/api/global-facts", Owned.NOTHING, Roles.ANALYST),
            sending("PUT", "/api/global-facts/{name}", Owned.NOTHING, JSON, "{}", Roles.ANALYST),
            api("GET", "/api/rules", Owned.NOTHING, Roles.ANALYST),
            sending("POST", "/api/rules/validate", Owned.NOTHING, ZIP, BAD_ZIP, Roles.ANALYST),
            sending("POST", "/api/rules/test", Owned.NOTHING, ZIP, BAD_ZIP, Roles.ANALYST),
            sending("POST", "/api/rules/publish", Owned.NOTHING, ZIP, BAD_ZIP, Roles.ANALYST),
            api("POST", "/api/rules/rollback/{version}", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/api/rules/versions", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/api/rules/versions/{version}", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/api/rules/versions/{from}/diff/{to}", Owned.NOTHING, Roles.ANALYST),
            sending("POST", "/api/rules/simulate?asOf=not-an-instant", Owned.NOTHING, ZIP, BAD_ZIP, Roles.ANALYST),
            api("GET", "/api/rules/simulations/{id}", Owned.NOTHING, Roles.ANALYST),
            api("DELETE", "/api/rules/simulations/{id}", Owned.NOTHING, Roles.ANALYST),
            api("POST", "/api/rules/backtest", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/api/rules/backtests/{id}", Owned.NOTHING, Roles.ANALYST),
            api("DELETE", "/api/rules/backtests/{id}", Owned.NOTHING, Roles.ANALYST),
            api("POST", "/api/rules/calibration", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/api/rules/calibrations/{id}", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/api/rules/calibrations/{id}/files", Owned.NOTHING, Roles.ANALYST),
            api("DELETE", "/api/rules/calibrations/{id}", Owned.NOTHING, Roles.ANALYST),
            sending("POST", "/api/callers/keys", Owned.NOTHING, JSON, "{}", Roles.ADMIN),
            api("GET", "/api/callers/keys", Owned.NOTHING, Roles.ADMIN),
            api("DELETE", "/api/callers/keys/{id}", Owned.NOTHING, Roles.ADMIN),
            sending("POST", "/api/callers/users", Owned.NOTHING, JSON, "{}", Roles.ADMIN),
            api("GET", "/api/callers/users", Owned.NOTHING, Roles.ADMIN),
            api("DELETE", "/api/callers/users/{username}", Owned.NOTHING, Roles.ADMIN),
            api("GET", "/api/audit?from=not-an-instant", Owned.NOTHING, Roles.ADMIN),
            // The web pages: a person signs in on /login; managers and admins see theirs, analysts and admins the workbench.
            api("GET", "/", Owned.NOTHING, Roles.MANAGER, Roles.ANALYST),
            api("GET", "/analyst", Owned.NOTHING, Roles.ANALYST),
            api("GET", "/managers", Owned.NOTHING, Roles.MANAGER),
            api("GET", "/managers/{externalId}", Owned.MANAGER, Roles.MANAGER),
            api("GET", "/customers/{externalId}", Owned.CUSTOMER, Roles.MANAGER),
            sending("POST", "/recommendations/{id}/done", Owned.RECOMMENDATION, FORM, "channel=PHONE", Roles.MANAGER),
            sending("POST", "/recommendations/{id}/dismiss", Owned.RECOMMENDATION, FORM, "reason=NOT_RELEVANT", Roles.MANAGER),
            api("GET", "/login", Owned.NOTHING),
            api("POST", "/logout", Owned.NOTHING));

    @Inject
    Callers callers;

    private static World world;

    @Test
    void everyEndpointIsInTheTableWithTheRolesItsResourceNames() throws IOException {
        Map<String, Set<String>> inCode = endpointsInCode();
        Map<String, Set<String>> inTable = new TreeMap<>();
        ENDPOINTS.forEach(endpoint -> inTable.put(endpoint.key().replaceAll("\\?.*", ""), endpoint.isPublic() ? Set.of()
                : Stream.concat(endpoint.roles().stream(), Stream.of(Roles.ADMIN)).collect(Collectors.toCollection(TreeSet::new))));
        assertThat("every REST method of the advisor, with the roles of its @RolesAllowed (none: @PermitAll); "
                + "a new endpoint needs a row in ENDPOINTS", inTable, equalTo(inCode));
    }

    @Test
    void aTokenOfAnIdentityProviderIsRefusedWhereNoneIsConfigured() {
        // header {"alg":"none"}, claims {"sub":"anna"}: a JWT's shape, which no configured provider vouches for here
        String token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm5hIn0.";
        given().auth().oauth2(token).get("/api/rules").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("tokens of an identity provider are not accepted here"));
    }

    @TestFactory
    Stream<DynamicTest> withoutACallerTheApiAnswers401AndAPageSendsToLogin() {
        World world = world();
        return ENDPOINTS.stream().filter(endpoint -> !endpoint.isPublic()).map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> {
            Response answer = send(endpoint, null, endpoint.at(world.a()));
            if (endpoint.isPage()) {
                assertThat(answer.statusCode(), equalTo(302));
                assertThat(answer.header("Location"), containsString("/login"));
            } else {
                assertNotSignedIn(answer);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aRoleTheEndpointDoesNotNameGets403() {
        World world = world();
        return ENDPOINTS.stream().filter(endpoint -> !endpoint.isPublic()).flatMap(endpoint -> NOT_ADMIN.stream()
                .filter(role -> !endpoint.roles().contains(role))
                .map(role -> DynamicTest.dynamicTest(endpoint.key() + " as " + role, () -> {
                    Response answer = send(endpoint, world.keyOf(role), endpoint.at(world.a()));
                    assertThat(answer.statusCode(), equalTo(403));
                    if (endpoint.isPage()) {
                        assertThat(answer.body().asString(), containsString("data-problem=\"NOT_ALLOWED\""));
                    } else {
                        assertThat(answer.contentType(), startsWith("application/problem+json"));
                        assertThat(answer.jsonPath().getString("type"), equalTo("https://retention-advisor.example/problems/forbidden"));
                        List<String> needed = Stream.concat(endpoint.roles().stream(), Stream.of(Roles.ADMIN)).distinct().sorted().toList();
                        assertThat(answer.jsonPath().getString("detail"), endsWith("it needs the role " + (needed.size() == 1 ? needed.get(0)
                                : String.join(", ", needed.subList(0, needed.size() - 1)) + " or " + needed.get(needed.size() - 1))));
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> aManagerAskingForAnotherManagersDataGetsTheSame404AsForNoData() {
        World world = world();
        return ENDPOINTS.stream().filter(endpoint -> endpoint.owned() != Owned.NOTHING && endpoint.roles().contains(Roles.MANAGER))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> {
                    Response others = send(endpoint, world.a().key(), endpoint.at(world.b()));
                    Response unknown = send(endpoint, world.a().key(), endpoint.atUnknown());
                    assertThat(others.statusCode(), equalTo(404));
                    assertThat(unknown.statusCode(), equalTo(404));
                    if (endpoint.isPage()) {
                        assertThat(others.body().asString(), containsString("data-problem=\"UNKNOWN_"));
                    } else {
                        assertThat(others.contentType(), startsWith("application/problem+json"));
                        assertThat("nothing tells another manager's id from one that does not exist",
                                others.jsonPath().getString("detail"), equalTo(unknown.jsonPath().getString("detail")
                                        .replace(idIn(endpoint.atUnknown(), endpoint), idIn(endpoint.at(world.b()), endpoint))));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> theRolesTheEndpointNamesGetIn() {
        World world = world();
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.concat(endpoint.roles().stream(), Stream.of(Roles.ADMIN)).distinct()
                .map(role -> DynamicTest.dynamicTest(endpoint.key() + " as " + role, () -> {
                    Response answer = send(endpoint, world.keyOf(role), endpoint.at(world.a()));
                    assertLetIn(answer);
                    waitForJob(answer, world.keyOf(Roles.ADMIN));
                })));
    }

    @Test
    void healthTheOpenApiDocumentTheLoginPageAndTheStylesNeedNoCaller() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("bearerFormat: API key"));
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(200);
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        given().get("/web/app.css").then().statusCode(200);
    }

    @Test
    void aPathAddedLaterOutsideTheRestResourcesNeedsACallerToo() {
        assertNotSignedIn(given().get("/q/not-yet-there"));
        assertNotSignedIn(given().get("/api/not-yet-there"));
    }

    @Test
    void aWrongKeyIsTurnedAwayEvenWhereNoCallerIsNeeded() {
        Response answer = given().header("Authorization", "Bearer ra_" + "x".repeat(43)).get("/api/rules");
        assertNotSignedIn(answer);
        assertThat(answer.jsonPath().getString("detail"), containsString("not known"));
    }

    @Test
    void aRevokedKeyIsTurnedAwayAtOnce() {
        World world = world();
        Map<String, Object> issued = given().auth().oauth2(world.admin()).contentType(JSON)
                .body(Map.of("name", unique("to-revoke"), "role", Roles.CRM))
                .post("/api/callers/keys").then().statusCode(201).extract().jsonPath().getMap("");
        String key = (String) issued.get("key");
        given().auth().oauth2(key).contentType(JSON).body("[]").post("/api/customers/batch").then().statusCode(200);

        given().auth().oauth2(world.admin()).delete("/api/callers/keys/" + issued.get("id"))
                .then().statusCode(200).body("revokedAt", not(is((Object) null)));

        assertNotSignedIn(given().auth().oauth2(key).contentType(JSON).body("[]").post("/api/customers/batch"));
    }

    @Test
    void keysAreListedWithoutTheirSecretAndWithTheirLastUse() {
        World world = world();
        String listed = given().auth().oauth2(world.admin()).get("/api/callers/keys").then().statusCode(200).extract().asString();
        assertThat(listed, not(containsString(world.keyOf(Roles.CRM))));
        assertThat(listed, containsString(world.keyOf(Roles.CRM).substring(0, Callers.PREFIX_LENGTH)));
        given().auth().oauth2(world.admin()).get("/api/callers/keys").then()
                .body("find { it.prefix == '" + world.keyOf(Roles.CRM).substring(0, Callers.PREFIX_LENGTH) + "' }.lastUsedAt",
                        not(is((Object) null)));
    }

    @Test
    void aManagerSeesTheKpisOfTheirOwnCustomersOnly() {
        World world = world();
        List<String> groups = given().auth().oauth2(world.a().key()).queryParam("groupBy", "manager").get("/api/kpis")
                .then().statusCode(200).extract().jsonPath().getList("groups.key");
        assertThat(groups, equalTo(List.of(world.a().manager())));
    }

    @Test
    void aManagerAsksTheAdviceOfManyCustomersAndGetsOnlyTheirOwn() {
        World world = world();
        given().auth().oauth2(world.a().key()).contentType(JSON)
                .body(Map.of("customerIds", List.of(world.b().customer(), world.a().customer())))
                .post("/api/advice/query").then().statusCode(200)
                .body("items.customerId", equalTo(List.of(world.b().customer(), world.a().customer())))
                .body("items.status", equalTo(List.of(404, 200)));
    }

    @Test
    void aCustomerHandedToAnotherManagerIsNoLongerTheFormerManagersToSee() {
        World world = world();
        String handedOver = unique("SEC-HANDED");
        AsCaller.run(world.keyOf(Roles.CRM), () -> pushAll("customers",
                List.of(customer(handedOver).with("managerExternalId", world.a().manager()))));
        given().auth().oauth2(world.a().key()).get("/api/customers/" + handedOver + "/timeline").then().statusCode(200);

        AsCaller.run(world.keyOf(Roles.CRM), () -> pushAll("customers",
                List.of(customer(handedOver).with("managerExternalId", world.b().manager()))));

        given().auth().oauth2(world.a().key()).get("/api/customers/" + handedOver + "/timeline").then().statusCode(404);
        given().auth().oauth2(world.b().key()).get("/api/customers/" + handedOver + "/timeline").then().statusCode(200);
    }

    @Test
    void aManagerSignsInOnTheLoginPageAndSeesOnlyTheirOwnWorklist() {
        World world = world();
        // A side of its own: the walk over the endpoints may have closed manager A's recommendation already.
        World.Side mine = World.side(world.admin(), world.crm(), "SEC-LOGIN");
        String username = unique("person-a");
        String password = "a-long-enough-password";
        given().auth().oauth2(world.admin()).contentType(JSON)
                .body(Map.of("username", username, "password", password, "role", Roles.MANAGER, "managerExternalId", mine.manager()))
                .post("/api/callers/users").then().statusCode(201).body("password", is((Object) null));

        given().redirects().follow(false).get("/managers/" + mine.manager())
                .then().statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).formParam("j_username", username).formParam("j_password", "wrong password!")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error=true"));

        String session = signIn(username, password);
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/")
                .then().statusCode(303).header("Location", containsString("/managers/" + mine.manager()));
        given().cookie("quarkus-credential", session).get("/managers/" + mine.manager())
                .then().statusCode(200).body(containsString(username)).body(containsString("data-recommendation=\"" + mine.recommendation() + "\""));
        String managers = given().cookie("quarkus-credential", session).get("/managers").then().statusCode(200).extract().asString();
        assertThat(managers, containsString(mine.manager()));
        assertThat(managers, not(containsString(world.b().manager())));
        given().cookie("quarkus-credential", session).get("/managers/" + world.b().manager()).then().statusCode(404);
        given().cookie("quarkus-credential", session).get("/customers/" + world.b().customer()).then().statusCode(404);
        // The card links to its history in the API: the same session reads it.
        given().cookie("quarkus-credential", session).get("/api/customers/" + mine.customer() + "/timeline").then().statusCode(200);

        given().auth().oauth2(world.admin()).delete("/api/callers/users/" + username).then().statusCode(200);
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/managers/" + mine.manager())
                .then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void signingOutEndsTheSession() {
        World world = world();
        String username = unique("person-out");
        Map<String, Object> created = given().auth().oauth2(world.admin()).contentType(JSON)
                .body(Map.of("username", username, "role", Roles.MANAGER, "managerExternalId", world.a().manager()))
                .post("/api/callers/users").then().statusCode(201).extract().jsonPath().getMap("");
        String session = signIn(username, (String) created.get("password"));

        Response out = given().cookie("quarkus-credential", session).redirects().follow(false).post("/logout");

        assertThat(out.statusCode(), equalTo(303));
        assertThat(out.detailedCookie("quarkus-credential").getMaxAge(), equalTo(0L));
    }

    @Test
    void aManagerCallerMustNameItsManagerAndTheOthersMustNot() {
        World world = world();
        given().auth().oauth2(world.admin()).contentType(JSON).body(Map.of("name", unique("m"), "role", Roles.MANAGER))
                .post("/api/callers/keys").then().statusCode(400).body("errors[0].field", equalTo("managerExternalId"));
        given().auth().oauth2(world.admin()).contentType(JSON)
                .body(Map.of("name", unique("c"), "role", Roles.CRM, "managerExternalId", "M-1"))
                .post("/api/callers/keys").then().statusCode(400).body("errors[0].field", equalTo("managerExternalId"));
        given().auth().oauth2(world.admin()).contentType(JSON).body(Map.of("name", unique("x"), "role", "superuser"))
                .post("/api/callers/keys").then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(world.admin()).contentType(JSON)
                .body(Map.of("username", unique("short"), "password", "short", "role", Roles.ANALYST))
                .post("/api/callers/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    private static String signIn(String username, String password) {
        Response signedIn = given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(signedIn.statusCode(), equalTo(302));
        String session = signedIn.cookie("quarkus-credential");
        assertThat("the form login sets the session cookie", session, not(is((Object) null)));
        return session;
    }

    private static Response send(Endpoint endpoint, String key, String path) {
        RequestSpecification request = given().redirects().follow(false);
        if (key != null) {
            request.auth().oauth2(key);
        }
        if (endpoint.contentType() != null) {
            request.contentType(endpoint.contentType());
            // REST Assured encodes a form from its text, and sends anything else as the bytes given.
            if (FORM.equals(endpoint.contentType())) {
                request.body(endpoint.body());
            } else {
                request.body(endpoint.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        return request.request(endpoint.method(), path);
    }

    private static void assertNotSignedIn(Response answer) {
        assertThat(answer.statusCode(), equalTo(401));
        assertThat(answer.contentType(), startsWith("application/problem+json"));
        assertThat(answer.header("WWW-Authenticate"), startsWith("Bearer"));
        assertThat(answer.jsonPath().getInt("status"), equalTo(401));
        assertThat(answer.jsonPath().getString("type"), equalTo("https://retention-advisor.example/problems/unauthenticated"));
    }

    private static void assertLetIn(Response answer) {
        assertThat(answer.body().asString(), answer.statusCode(), not(anyOf(equalTo(401), equalTo(302))));
        if (answer.statusCode() == 403) {
            // An endpoint may turn a request away for its own reasons (e.g. digests without a webhook), not for the role.
            assertThat(answer.body().asString(), not(anyOf(containsString("problems/forbidden\""), containsString("NOT_ALLOWED"))));
        }
    }

    // A job the right role started (the whole base evaluated again) is let finish, so that it runs into no other test.
    private static void waitForJob(Response answer, String adminKey) {
        String location = answer.statusCode() == 202 ? answer.header("Location") : null;
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (location != null && Instant.now().isBefore(until)) {
            String state = given().auth().oauth2(adminKey).queryParam("waitSeconds", 30).get(location)
                    .then().statusCode(200).extract().path("state");
            if (!List.of("QUEUED", "RUNNING").contains(state)) {
                return;
            }
        }
    }

    // The id in a path of the endpoint's kind of record, as its 404 names it.
    private static String idIn(String path, Endpoint endpoint) {
        String[] at = endpoint.path().split("/");
        String[] in = path.split("/");
        for (int i = 0; i < at.length; i++) {
            if (at[i].startsWith("{")) {
                return in[i];
            }
        }
        throw new IllegalArgumentException(path);
    }

    /** The REST methods of the advisor by "METHOD /path", with the roles they allow (empty: anyone). */
    private static Map<String, Set<String>> endpointsInCode() throws IOException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                try {
                    Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // Build-time generated helpers that the test's class loader does not serve are no resources.
                }
            }
        }
        Map<String, Set<String>> endpoints = new TreeMap<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                        .filter(type -> type.isAnnotationPresent(HttpMethod.class))
                        .map(type -> type.getAnnotation(HttpMethod.class).value()).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                String path = join(resource.getAnnotation(jakarta.ws.rs.Path.class).value(),
                        method.isAnnotationPresent(jakarta.ws.rs.Path.class) ? method.getAnnotation(jakarta.ws.rs.Path.class).value() : "");
                endpoints.put(verb + " " + path, rolesOf(resource, method));
            }
        }
        return endpoints;
    }

    private static Set<String> rolesOf(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of();
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            return resource.isAnnotationPresent(PermitAll.class) ? Set.of() : Set.of("(none: refused)");
        }
        return new TreeSet<>(Arrays.asList(roles.value()));
    }

    private static String join(String classPath, String methodPath) {
        String joined = Stream.of(classPath, methodPath).flatMap(part -> Arrays.stream(part.split("/")))
                .filter(segment -> !segment.isEmpty()).collect(Collectors.joining("/"));
        return "/" + joined;
    }

    private World world() {
        if (world == null) {
            world = World.make(callers);
        }
        return world;
    }

    /**
     * The callers and data the walk uses: an admin key issued through the service, keys for the CRM and an analyst
     * issued through the API, and two managers, A and B, each with a key, a customer and a recommendation.
     */
    record World(String admin, String crm, String analyst, Side a, Side b) {

        record Side(String manager, String customer, long recommendation, String key) {
        }

        String keyOf(String role) {
            return switch (role) {
                case Roles.ADMIN -> admin;
                case Roles.CRM -> crm;
                case Roles.ANALYST -> analyst;
                case Roles.MANAGER -> a.key();
                default -> throw new IllegalArgumentException(role);
            };
        }

        static World make(Callers callers) {
            String admin = callers.issueKey(unique("security-test-admin"), Roles.ADMIN, null, "SecurityApiTest").key();
            String crm = issue(admin, Roles.CRM, null);
            String analyst = issue(admin, Roles.ANALYST, null);
            Side a = side(admin, crm, "SEC-A");
            Side b = side(admin, crm, "SEC-B");
            return new World(admin, crm, analyst, a, b);
        }

        private static Side side(String admin, String crm, String prefix) {
            String managerId = unique(prefix + "-M");
            String customerId = unique(prefix + "-C");
            AsCaller.run(crm, () -> {
                pushAll("managers", List.of(manager(managerId)));
                pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));
                pushAll("surveys", List.of(Crm.survey(unique("S"), customerId, 0, 2, null)
                        .with("answeredAt", Instant.now().minus(Duration.ofDays(2)).toString())));
            });
            List<Integer> open = given().auth().oauth2(admin).post("/api/customers/" + customerId + "/evaluation")
                    .then().statusCode(200).extract().jsonPath().getList("open.id");
            assertThat("the detractor gets a recommendation", open.isEmpty(), is(false));
            return new Side(managerId, customerId, open.get(0), issue(admin, Roles.MANAGER, managerId));
        }

        private static String issue(String admin, String role, String managerId) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("name", unique(role), "role", role));
            if (managerId != null) {
                body.put("managerExternalId", managerId);
            }
            return given().auth().oauth2(admin).contentType(JSON).body(body).post("/api/callers/keys")
                    .then().statusCode(201).extract().path("key");
        }
    }
}
