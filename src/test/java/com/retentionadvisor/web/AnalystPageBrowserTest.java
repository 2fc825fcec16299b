package com.retentionadvisor.web;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

import com.retentionadvisor.Crm;
import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * An analyst signs in and works on the rules workbench in a real browser (Debian's chromium, headless): a broken file
 * is shown with its place, a candidate (the fixture's marker rule, its scenario, its weight and text) is checked,
 * simulated, back-tested and calibrated with progress bars and charts, published with a comment, and rolled back from
 * the history; a customer's facts are shown beside the rules. The screenshots in README.md are taken here
 * (target/screenshots/analyst-*.png). The API, with an admin key, sets the scene and checks what the page did.
 */
@QuarkusTest
class AnalystPageBrowserTest {

    private static final int LAPTOP = 1280;
    private static final int PHONE = 375;
    private static final int PHONE_HEIGHT = 812;
    private static final String ANALYST_USERNAME = "olga.analyst";
    private static final Duration JOB_TIME = Duration.ofSeconds(90);

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URI root;

    @Inject
    Callers callers;

    private String liveBefore;
    private String marked;
    private Path folder;

    @BeforeAll
    static void startChromium() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void anAnalystSignedInWithACandidateOnDisk() throws IOException {
        Assumptions.assumeFalse(HeadlessChromium.skipped(), "left out on purpose with -DskipBrowserTests");
        String admin = callers.issueKey(unique("browser-admin"), Roles.ADMIN, null, "AnalystPageBrowserTest").key();
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + admin).build();
        liveBefore = given().get("/api/rules").then().statusCode(200).extract().path("version");
        // A customer the fixture's marker rule marks (the candidate moves them up a risk level), and buyers of 2008, some
        // of whom stopped buying before the back-test's cut-off of 2009 (a period no other test's data is in).
        marked = unique(FixtureRules.MARKED_PREFIX);
        List<Crm.Item> customers = new ArrayList<>(List.of(customer(marked).with("createdAt", "2007-06-01T09:00:00Z")));
        List<Crm.Item> orders = new ArrayList<>(List.of(order(marked, "2008-10-01"), order(marked, "2009-02-01")));
        for (int i = 0; i < 6; i++) {
            String buyer = unique(i % 2 == 0 ? "LAPSED" : "STEADY");
            customers.add(customer(buyer).with("createdAt", "2007-06-01T09:00:00Z"));
            orders.addAll(i % 2 == 0
                    ? List.of(order(buyer, "2008-03-01"), order(buyer, "2008-06-01"), order(buyer, "2008-09-01"))
                    : List.of(order(buyer, "2008-06-01"), order(buyer, "2008-10-01"), order(buyer, "2009-02-01")));
        }
        pushAll("customers", customers);
        pushAll("deals", orders);

        folder = Files.createTempDirectory("candidate");
        // A weight of its own: a version is stored once, with the comment of its first publish (the other test's is 60).
        Map<String, byte[]> candidate = FixtureRules.withMarker(ShippedRules.files(), 55);
        for (String path : List.of(FixtureRules.MARKER_RULE, FixtureRules.MARKER_SCENARIO, FixtureRules.WEIGHTS, "messages.properties")) {
            Files.write(folder.resolve(Path.of(path).getFileName()), candidate.get(path));
        }
        Files.write(folder.resolve("typo.drl"), FixtureRules.withATypo(Map.of()).get(FixtureRules.TYPO));

        String password = Callers.newPassword();
        callers.resetUser(ANALYST_USERNAME, password, Roles.ANALYST, null, "AnalystPageBrowserTest");
        browser.manage().deleteAllCookies();
        open("/analyst?lang=en");
        assertThat(text(By.tagName("h1")), equalTo("Sign in"));
        browser.findElement(By.name("j_username")).sendKeys(ANALYST_USERNAME);
        browser.findElement(By.name("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.id("analyst-texts"));
    }

    @AfterEach
    void backToTheLiveRuleset() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
        if (liveBefore != null && !liveBefore.equals(given().get("/api/rules").then().extract().path("version"))) {
            given().post("/api/rules/rollback/" + liveBefore).then().statusCode(200);
        }
        RestAssured.requestSpecification = null;
    }

    @Test
    void analystChecksSimulatesBacktestsPublishesAndRollsBackACandidate() throws IOException {
        assertThat(text(By.tagName("h1")), equalTo("Rules workbench"));
        assertThat(text(By.cssSelector("[data-live-version]")), equalTo(liveBefore));

        // A broken file: its problem is shown with its file and place; nothing can be published.
        choose("typo.drl");
        setPath("typo.drl", FixtureRules.TYPO);
        click("check");
        WebElement problem = waitFor(By.cssSelector("#problems tr[data-file='" + FixtureRules.TYPO + "']"));
        assertThat(problem.findElement(By.cssSelector(".place")).getText(), startsWith("line 2"));
        assertThat(browser.findElement(By.id("publish-button")).isEnabled(), equalTo(false));

        // The candidate: a new rule and its scenario (paths typed), the weights and texts (found among the live files).
        choose("fixture-marker.drl", "fixture-marker.yaml", "sign-weights.drl.csv", "messages.properties");
        setPath("fixture-marker.drl", FixtureRules.MARKER_RULE);
        setPath("fixture-marker.yaml", FixtureRules.MARKER_SCENARIO);
        assertThat(pathOf("sign-weights.drl.csv"), equalTo(FixtureRules.WEIGHTS));
        click("check");
        WebElement scenarios = waitFor(By.cssSelector("#scenarios p[data-failed]"));
        assertThat(scenarios.getDomAttribute("data-failed"), equalTo("0"));
        assertThat(Integer.parseInt(scenarios.getDomAttribute("data-passed")), greaterThan(0));
        String candidateVersion = text(By.id("check-state")).replaceAll("^Compiles as version ([0-9a-f]{12}).*$", "$1");

        click("run-simulation");
        // Marked customers (this test's, or other tests' in the same database) move up; a few are named, to click.
        By movedMarked = By.cssSelector("#simulation-report td.moved a.customer[data-customer^='" + FixtureRules.MARKED_PREFIX + "']");
        WebElement moved = waitFor(movedMarked, JOB_TIME);
        String movedId = moved.getDomAttribute("data-customer");
        assertThat(browser.findElements(By.cssSelector("#simulation-report .chart svg")).size(), greaterThan(0));

        browser.executeScript("document.getElementById('cutoff').value = '2009-01-01'");
        click("run-backtest");
        waitFor(By.cssSelector("#roc .chart svg"), JOB_TIME);
        for (String chart : List.of("#lift", "#levels", "#signs")) {
            assertThat(chart, browser.findElements(By.cssSelector(chart + " .chart svg")).size(), equalTo(1));
        }
        assertThat(browser.findElement(By.cssSelector("#backtest-job progress")).getDomProperty("value"),
                equalTo(browser.findElement(By.cssSelector("#backtest-job progress")).getDomProperty("max")));
        click("run-calibration");
        waitFor(By.cssSelector("#calibration-report table.weights tr[data-code='" + FixtureRules.MARKER + "']"), JOB_TIME);
        assertThat(browser.findElement(By.id("proposed-files")).getDomAttribute("href"), endsWith("/files"));
        sectionScreenshot("candidate", "analyst-candidate");
        sectionScreenshot("simulate", "analyst-simulation");
        sectionScreenshot("backtest", "analyst-backtest");

        // A click on a customer who moved shows their facts beside the rules: the marker's rule fired for them.
        browser.findElement(movedMarked).click();
        WebElement facts = waitFor(By.cssSelector("#facts-report table.fact-values"));
        assertThat(facts.findElement(By.cssSelector("tr[data-fact='CustomerFacts.customerId'] .value")).getText(), equalTo(movedId));
        assertThat(browser.findElements(By.cssSelector("#facts-report tr.fired")).size(), greaterThan(0));
        sectionScreenshot("facts", "analyst-facts");
        browser.findElement(By.id("only-not-fired")).click();
        assertThat(browser.findElements(By.cssSelector("#facts-report tr.fired")).stream().filter(WebElement::isDisplayed).count(),
                equalTo(0L));

        // Published with a comment; then the history makes the earlier version live again.
        browser.findElement(By.id("comment")).sendKeys("A marker for the browser test");
        click("publish-button");
        new WebDriverWait(browser, JOB_TIME).until(driver -> candidateVersion.equals(liveVersionShown()));
        assertThat(given().get("/api/rules").then().extract().path("version"), equalTo(candidateVersion));
        assertThat(given().get("/api/rules").then().extract().path("comment"), equalTo("A marker for the browser test"));
        assertThat(browser.findElement(By.cssSelector("#history tr.live")).getDomAttribute("data-version"), equalTo(candidateVersion));

        browser.findElement(By.cssSelector("button.rollback[data-version='" + liveBefore + "']")).click();
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, JOB_TIME).until(driver -> liveBefore.equals(liveVersionShown()));
        assertThat(given().get("/api/rules").then().extract().path("version"), equalTo(liveBefore));
        assertThat(given().get("/api/rules").then().extract().path("reason"), equalTo("ROLLBACK"));
        assertThat(given().get("/api/rules").then().extract().path("liveBy"), equalTo(ANALYST_USERNAME));
    }

    @Test
    void theHistoryShowsWhatChangedAndThePageReadsInRussianAndFitsAPhone() throws IOException {
        // Two versions to compare: the candidate put live through the API, and the one before it.
        String published = publishTheMarkerThroughTheApi();
        open("/analyst?lang=en");
        browser.findElement(By.cssSelector("input[name=diff-from][value='" + liveBefore + "']")).click();
        browser.findElement(By.cssSelector("input[name=diff-to][value='" + published + "']")).click();
        click("show-diff");
        WebElement marker = waitFor(By.cssSelector("#diff details[data-path='" + FixtureRules.MARKER_RULE + "']"));
        assertThat(marker.getText(), containsString("added"));
        assertThat(browser.findElements(By.cssSelector("#diff details[data-path='" + FixtureRules.WEIGHTS + "'] .added")).stream()
                .map(WebElement::getText).toList(), hasItem(startsWith("+Weight of " + FixtureRules.MARKER)));

        // A channel without a purpose: the service's own words say what is missing.
        browser.findElement(By.id("facts-customer")).sendKeys("NO-SUCH-CUSTOMER");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("facts-channel"))).selectByValue("EMAIL");
        browser.findElement(By.cssSelector("#facts-form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector("#facts-report .error")).getText(), containsString("give channel and purpose together"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("facts-channel"))).selectByValue("");
        browser.findElement(By.cssSelector("#facts-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#facts-report .error"))
                .stream().anyMatch(error -> error.getText().startsWith("The service answered 404")));

        open("/analyst?lang=ru");
        assertThat(text(By.tagName("h1")), equalTo("Мастерская правил"));
        HeadlessChromium.laptopScreenshot(browser, "analyst-ru", LAPTOP);
        HeadlessChromium.emulate(browser, PHONE, PHONE_HEIGHT, true);
        try {
            long pageWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
            Object tooWide = browser.executeScript("return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > " + PHONE + " && !e.closest('.table-wrap'))"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            assertThat("the workbench scrolls sideways on a phone: " + tooWide, pageWidth, lessThanOrEqualTo((long) PHONE));
        } finally {
            HeadlessChromium.stopEmulating(browser);
        }
        assertThat(given().get("/api/rules").then().extract().path("version"), not(equalTo(liveBefore)));
    }

    private String publishTheMarkerThroughTheApi() {
        Map<String, byte[]> files = FixtureRules.withMarker(ShippedRules.files(), 60);
        return given().contentType("application/zip").body(ShippedRules.zip(files))
                .queryParam("comment", "The marker, to compare")
                .post("/api/rules/publish").then().statusCode(200).extract().path("version");
    }

    // One section of the page as a laptop shows it, saved as target/screenshots/NAME.png.
    private static void sectionScreenshot(String section, String name) throws IOException {
        WebElement element = browser.findElement(By.id(section));
        browser.executeScript("arguments[0].scrollIntoView()", element);
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static Crm.Item order(String customerId, String day) {
        return new Crm.Item().with("externalId", unique("D")).with("customerExternalId", customerId)
                .with("amount", new java.math.BigDecimal("1200")).with("currency", "EUR").with("status", "WON")
                .with("openedAt", day + "T09:00:00Z").with("closedAt", day + "T10:00:00Z");
    }

    private void choose(String... names) {
        WebElement input = browser.findElement(By.id("pick-files"));
        browser.executeScript("arguments[0].value = ''", input); // a new choice, not more files added to the last one
        input.sendKeys(String.join("\n", java.util.Arrays.stream(names).map(name -> folder.resolve(name).toString()).toList()));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(driver -> driver.findElements(By.cssSelector("#chosen tbody tr")).size() == names.length);
    }

    private static WebElement pathInput(String fileName) {
        return browser.findElement(By.cssSelector("#chosen input[aria-label='" + fileName + "']"));
    }

    private static String pathOf(String fileName) {
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> !pathInput(fileName).getDomProperty("value").equals(fileName));
        return pathInput(fileName).getDomProperty("value");
    }

    private static void setPath(String fileName, String path) {
        WebElement input = pathInput(fileName);
        input.clear();
        input.sendKeys(path);
    }

    private static void click(String id) {
        WebElement button = browser.findElement(By.id(id));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> button.isEnabled());
        button.click();
    }

    private static String liveVersionShown() {
        try {
            return browser.findElement(By.cssSelector("[data-live-version]")).getText();
        } catch (org.openqa.selenium.WebDriverException e) {
            return null; // the page is reloading
        }
    }

    private static WebElement waitFor(By element) {
        return waitFor(element, Duration.ofSeconds(20));
    }

    private static WebElement waitFor(By element, Duration time) {
        return new WebDriverWait(browser, time).until(driver -> {
            List<WebElement> found = driver.findElements(element);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static String text(By element) {
        return browser.findElement(element).getText();
    }

    private void open(String path) {
        browser.get(root.resolve(path).toString());
    }
}
