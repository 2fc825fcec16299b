package com.retentionadvisor.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.RuleTexts;

/**
 * The manager page over plain HTTP: what each page says and in which language, the forms going through the same
 * services as the JSON API, and every problem told in words. The browser test clicks through the same pages.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ManagerPagesTest {

    private static final Pattern RECOMMENDATION = Pattern.compile("data-recommendation=\"(\\d+)\"");

    private DriftingCustomers story;

    @BeforeEach
    void aManagerWithDriftingCustomers() {
        story = DriftingCustomers.seed();
    }

    @Test
    void shouldSendTheHomePageToTheManagersInTheBrowsersLanguage() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/managers?lang=en"));
        given().redirects().follow(false).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8").get("/").then().statusCode(303)
                .header("Location", endsWith("/managers?lang=ru"));
    }

    @Test
    void shouldListTheManagersToPickFrom() {
        page("/managers?lang=en").body(containsString("Account managers"))
                .body(containsString("href=\"/managers/" + story.managerId() + "?lang=en\""))
                .body(containsString(DriftingCustomers.MANAGER_NAME));
    }

    @Test
    void shouldShowTheWorklistInTheApisOrderWithItsSummary() {
        List<Map<String, Object>> fromApi = story.worklistFromApi();

        String html = page("/managers/" + story.managerId() + "?lang=en")
                .body(containsString("Worklist of " + DriftingCustomers.MANAGER_NAME))
                .body(containsString("data-kpi=\"open\">" + fromApi.size() + "<"))
                .body(containsString("href=\"/api/kpis?groupBy=manager\""))
                .extract().asString();

        assertThat(recommendationIds(html), equalTo(fromApi.stream().map(item -> ((Number) item.get("id")).longValue()).toList()));
        assertThat(html, containsString("href=\"/customers/" + story.detractorId() + "?lang=en\""));
    }

    @Test
    void shouldFilterTheWorklistLikeTheApi() {
        String level = (String) story.worklistFromApi().get(0).get("riskLevel");
        List<Long> atThatLevel = given().queryParam("level", level).queryParam("size", 100)
                .get("/api/managers/" + story.managerId() + "/worklist").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);

        String html = page("/managers/" + story.managerId() + "?lang=en&level=" + level).extract().asString();

        assertThat(recommendationIds(html), equalTo(atThatLevel));
        assertThat(html, containsString("<option value=\"" + level + "\" selected>"));
        String dueSoon = page("/managers/" + story.managerId() + "?lang=en&due=2").extract().asString();
        assertThat(recommendationIds(dueSoon), hasItem(story.recommendation(story.detractorId(), "RECOVERY_CALL")));
    }

    @Test
    void shouldSpeakRussianWhenAskedOrWhenTheBrowserPrefersIt() {
        given().header("Accept-Language", "ru-RU,ru;q=0.9").get("/managers/" + story.managerId()).then().statusCode(200)
                .header("Content-Language", startsWith("ru"))
                .body(containsString("<html lang=\"ru\">"))
                .body(containsString("Список дел: " + DriftingCustomers.MANAGER_NAME))
                .body(containsString("Сводка"));
        given().header("Accept-Language", "ru-RU,ru;q=0.9").get("/managers/" + story.managerId() + "?lang=en").then()
                .statusCode(200)
                .body(containsString("Worklist of " + DriftingCustomers.MANAGER_NAME))
                .body(not(containsString("Список дел")));
    }

    @Test
    void shouldShowTheCustomerCardWithSignsTrendAndHistoryInTheReadersLanguage() {
        page("/customers/" + story.detractorId() + "?lang=en")
                .body(containsString("<h1>" + DriftingCustomers.DETRACTOR_NAME + "</h1>"))
                .body(containsString("data-sign=\"NPS_DETRACTOR\""))
                .body(containsString(RuleTexts.text("sign.NPS_DETRACTOR", 2)))
                .body(containsString("data-points=\"" + (DriftingCustomers.HISTORY_DAYS.size() + 1) + "\""))
                .body(containsString("Two deliveries were late this month"))
                .body(containsString("data-action=\"RECOVERY_CALL\""))
                .body(containsString(date(Instant.now(), Locale.ENGLISH)));

        page("/customers/" + story.detractorId() + "?lang=ru")
                .body(containsString("Риск сейчас"))
                .body(containsString(RuleTexts.text(Locale.forLanguageTag("ru"), "sign.NPS_DETRACTOR", 2)))
                .body(containsString("Признаки оттока"))
                .body(containsString(date(Instant.now(), Locale.forLanguageTag("ru"))));
    }

    @Test
    void shouldMarkDoneThroughTheFormAndComeBackWithANotice() {
        long call = story.recommendation(story.detractorId(), "RECOVERY_CALL");
        String card = "/customers/" + story.detractorId() + "?lang=en";

        String location = form(call, "done", Map.of("channel", "PHONE", "note", "called, agreed a fix", "from", card))
                .statusCode(303).extract().header("Location");

        assertThat(URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery(), equalTo(card + "&notice=done"));
        assertThat(DriftingCustomers.statusFromApi(call), equalTo("DONE"));
        page(card + "&notice=done").body(containsString("Marked done"))
                .body(not(containsString("data-recommendation=\"" + call + "\"")));
    }

    @Test
    void shouldTellInWordsWhatWentWrong() {
        long call = story.recommendation(story.detractorId(), "RECOVERY_CALL");
        String card = "/customers/" + story.detractorId() + "?lang=en";

        problem(given().get("/managers/nobody-" + story.managerId() + "?lang=en"), 404, "There is no manager with this id.");
        problem(given().get("/customers/nobody-" + story.detractorId() + "?lang=en"), 404, "There is no customer with this id.");
        problem(given().get("/managers/" + story.managerId() + "?lang=en&level=SEVERE"), 400, "cannot read this filter value")
                .body(containsString("level=SEVERE"));
        problem(form(call, "dismiss", Map.of("from", card)), 400, "choose a reason");
        problem(form(call, "dismiss", Map.of("reason", "OTHER", "from", card)), 400, "say why in the note");
        problem(form(call, "done", Map.of("channel", "PIGEON", "from", card)), 400, "choose a channel");
        problem(form(call, "done", Map.of("channel", "PHONE", "note", "x".repeat(2001), "from", card)), 400, "too long");
        problem(form(999_999_999L, "done", Map.of("channel", "PHONE", "from", card)), 404, "no recommendation with this number");
        assertThat(DriftingCustomers.statusFromApi(call), equalTo("PROPOSED"));

        form(call, "dismiss", Map.of("reason", "NOT_RELEVANT", "from", card)).statusCode(303);
        given().formParams(Map.of("reason", "NOT_RELEVANT", "from", card)).redirects().follow(false)
                .post("/recommendations/" + call + "/dismiss?lang=ru").then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("Эта рекомендация уже закрыта"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldSendAFormBackOnlyToAPageOfThisSite() {
        List<String> elsewhere = List.of("https://elsewhere.example/", "//elsewhere.example/x", "/\\elsewhere.example");
        List<Map<String, Object>> open = story.worklistFromApi();
        assertThat("an open recommendation for each try", open.size() >= elsewhere.size());
        for (int i = 0; i < elsewhere.size(); i++) {
            long id = ((Number) open.get(i).get("id")).longValue();
            String location = form(id, "dismiss", Map.of("reason", "WRONG_TIMING", "from", elsewhere.get(i))).statusCode(303)
                    .extract().header("Location");
            assertThat(elsewhere.get(i), URI.create(location).getRawPath(), equalTo("/managers"));
            assertThat(URI.create(location).getHost(), equalTo(URI.create(io.restassured.RestAssured.baseURI).getHost()));
        }
    }

    @Test
    void shouldServeItsStylesheetAndScript() {
        given().get("/web/app.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/web/app.js").then().statusCode(200).body(containsString("data-note-when"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", everyItem(startsWith("/api/")));
    }

    private static ValidatableResponse page(String path) {
        return given().get(path).then().statusCode(200).contentType(containsString("text/html"));
    }

    private static ValidatableResponse form(long id, String action, Map<String, String> fields) {
        return given().formParams(fields).redirects().follow(false)
                .post("/recommendations/" + id + "/" + action + "?lang=en").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String words) {
        return response.statusCode(status).contentType(containsString("text/html"))
                .body(containsString(words))
                .body(not(containsString("Exception")))
                .body(not(containsString("problem+json")));
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String words) {
        return problem(response.then(), status, words);
    }

    private static List<Long> recommendationIds(String html) {
        Matcher matcher = RECOMMENDATION.matcher(html);
        List<Long> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }
}
