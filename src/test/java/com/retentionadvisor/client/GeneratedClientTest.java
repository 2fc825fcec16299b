package com.retentionadvisor.client;

import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.client.api.AdviceApi;
import com.retentionadvisor.client.api.CustomersApi;
import com.retentionadvisor.client.api.IngestApi;
import com.retentionadvisor.client.model.AdviceQuery;
import com.retentionadvisor.client.model.AdviceQueryAnswer;
import com.retentionadvisor.client.model.AdviceView;
import com.retentionadvisor.client.model.AudienceCheck;
import com.retentionadvisor.client.model.AudienceCheckAnswer;
import com.retentionadvisor.client.model.BatchResult;
import com.retentionadvisor.client.model.Channel;
import com.retentionadvisor.client.model.CustomerItem;
import com.retentionadvisor.client.model.CustomerStatus;
import com.retentionadvisor.client.model.Direction;
import com.retentionadvisor.client.model.ManagerItem;
import com.retentionadvisor.client.model.Problem;
import com.retentionadvisor.client.model.Purpose;
import com.retentionadvisor.client.model.SurveyItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A CRM's integration as a team would write it: with the Java client the build generates from docs/openapi.json
 * (openapi-generator), against the running advisor with a real API key. It pushes a customer, reads the advice one
 * and many at a time, checks an audience, and gets a typed problem for an unknown customer.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI advisor;

    @Inject
    Callers callers;

    private ApiClient client;

    @BeforeEach
    void aCrmWithItsKey() {
        String key = callers.issueKey(unique("generated-client"), Roles.CRM, null, "GeneratedClientTest").key();
        client = new ApiClient();
        client.updateBaseUri(advisor.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    }

    @Test
    void shouldPushACustomerAndReadItsAdviceThroughTheGeneratedClient() throws ApiException {
        String managerId = unique("GC-M");
        String customerId = unique("GC-C");
        IngestApi ingest = new IngestApi(client);
        ingest.apiManagersBatchPost(List.of(new ManagerItem().externalId(managerId).name("Manager " + managerId)));
        BatchResult customers = ingest.apiCustomersBatchPost(List.of(new CustomerItem().externalId(customerId).name("Customer " + customerId)
                .segment("SMB").createdAt(OffsetDateTime.of(2024, 1, 15, 9, 0, 0, 0, ZoneOffset.UTC)).status(CustomerStatus.ACTIVE)
                .managerExternalId(managerId)));
        assertEquals(1, customers.getCounts().get("CREATED"), customers.toString());
        ingest.apiSurveysBatchPost(List.of(new SurveyItem().externalId(unique("GC-S")).customerExternalId(customerId)
                .answeredAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(3)).nps(2)));

        AdviceView advice = new CustomersApi(client).apiCustomersExternalIdAdviceGet(customerId, null);
        // The typed answer holds what the service sent.
        JsonPath sent = given().auth().oauth2(keyOf()).get("/api/customers/" + customerId + "/advice").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(customerId, advice.getCustomerId());
        assertEquals(sent.getString("rulesetVersion"), advice.getRulesetVersion());
        assertEquals(sent.getInt("risk.score"), advice.getRisk().getScore());
        assertEquals(sent.getString("risk.level"), advice.getRisk().getLevel().getValue());
        assertEquals(sent.getList("risk.signs.code"), advice.getRisk().getSigns().stream().map(sign -> sign.getCode()).toList());
        assertEquals(sent.getString("stage"), advice.getStage().getValue());
        assertFalse(advice.getFiredRules().isEmpty(), "the advice names its rules");

        AdviceQueryAnswer many = new AdviceApi(client).apiAdviceQueryPost(new AdviceQuery().customerIds(List.of(customerId, "GC-NO-SUCH")));
        assertEquals(2, many.getItems().size());
        assertEquals(advice.getRisk().getScore(), many.getItems().get(0).getAdvice().getRisk().getScore());
        assertEquals(404, many.getItems().get(1).getStatus());
        assertEquals(1, many.getUnknown());

        AudienceCheckAnswer audience = new AdviceApi(client).apiContactChecksPost(new AudienceCheck()
                .channel(Channel.EMAIL).purpose(Purpose.VALUE).direction(Direction.OUTBOUND).customerIds(List.of(customerId)));
        assertEquals(1, audience.getCustomers());
        assertEquals(1, audience.getAllowed() + audience.getRefused());
        assertEquals(audience.getItems().get(0).getAllowed(), audience.getAllowed() == 1);
    }

    @Test
    void shouldGiveTheProblemOfAnUnknownCustomerAsATypedError() throws Exception {
        ApiException unknown = assertThrows(ApiException.class, () -> new CustomersApi(client).apiCustomersExternalIdAdviceGet("GC-NO-SUCH", null));
        assertEquals(404, unknown.getCode());
        Problem problem = client.getObjectMapper().readValue(unknown.getResponseBody(), Problem.class);
        assertEquals(404, problem.getStatus());
        assertTrue(problem.getType().toString().endsWith("/unknown-record"), problem.getType().toString());
        assertNotNull(problem.getRequestId());
        assertTrue(problem.getDetail().contains("GC-NO-SUCH"), problem.getDetail());
    }

    private String keyOf() {
        return callers.issueKey(unique("generated-client-raw"), Roles.CRM, null, "GeneratedClientTest").key();
    }
}
