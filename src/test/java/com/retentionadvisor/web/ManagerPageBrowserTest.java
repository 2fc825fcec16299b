package com.retentionadvisor.web;

import static com.retentionadvisor.Crm.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

import com.retentionadvisor.RuleTexts;
import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;

/**
 * A manager signs in on the login page and clicks through the page in a real browser (Debian's chromium, headless):
 * the worklist, a customer card, done and dismiss, in English and in Russian; and the pages fit a laptop and a phone,
 * where docs/manager-page.md's screenshots are taken (target/screenshots/). The data is pushed and checked through the API with
 * an admin key issued by the service; the browser is the manager, with their own password.
 */
@QuarkusTest
class ManagerPageBrowserTest {

    private static final int LAPTOP = 1280;
    private static final int PHONE = 375;
    private static final int PHONE_HEIGHT = 812;
    private static final String MANAGER_USERNAME = "anna.petrova";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URI root;

    @Inject
    Callers callers;

    private DriftingCustomers story;

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
    void aManagerWithDriftingCustomersSignedIn() {
        Assumptions.assumeFalse(HeadlessChromium.skipped(), "left out on purpose with -DskipBrowserTests");
        String admin = callers.issueKey(unique("browser-admin"), Roles.ADMIN, null, "ManagerPageBrowserTest").key();
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + admin).build();
        story = DriftingCustomers.seed();
        // One person for the three tests, tied to each test's manager in turn: the screenshots show a name that stays.
        String password = Callers.newPassword();
        callers.resetUser(MANAGER_USERNAME, password, Roles.MANAGER, story.managerId(), "ManagerPageBrowserTest");
        signIn(MANAGER_USERNAME, password);
    }

    @AfterEach
    void signOut() {
        RestAssured.requestSpecification = null;
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void managerOpensACustomerFromTheRankedWorklistAndDismissesARecommendation() {
        open("/managers?lang=en");
        followLink(By.cssSelector("a[href^='/managers/" + story.managerId() + "?']"));

        assertThat(text(By.tagName("h1")), equalTo("Worklist of " + DriftingCustomers.MANAGER_NAME));
        List<Long> fromApi = story.worklistFromApi().stream().map(item -> ((Number) item.get("id")).longValue()).toList();
        assertThat("the page ranks as the API does", shownRecommendations(), equalTo(fromApi));
        List<Integer> ranks = browser.findElements(By.cssSelector("li.item")).stream()
                .map(item -> Integer.parseInt(item.getDomAttribute("data-rank"))).toList();
        for (int i = 1; i < ranks.size(); i++) {
            assertThat("most urgent first: " + ranks, ranks.get(i), lessThanOrEqualTo(ranks.get(i - 1)));
        }
        assertThat(text(By.cssSelector("[data-kpi=open]")), equalTo(String.valueOf(fromApi.size())));

        long call = story.recommendation(story.detractorId(), "RECOVERY_CALL");
        followLink(By.cssSelector("li.item[data-recommendation='" + call + "'] a.customer"));

        assertThat(text(By.tagName("h1")), equalTo(DriftingCustomers.DETRACTOR_NAME));
        assertThat(text(By.cssSelector("[data-sign=NPS_DETRACTOR] .evidence")), containsString(RuleTexts.text("sign.NPS_DETRACTOR", 2)));
        assertThat(browser.findElements(By.cssSelector("svg.chart circle.point")).size(),
                equalTo(DriftingCustomers.HISTORY_DAYS.size() + 1));
        assertThat(browser.findElements(By.cssSelector(".timeline li")).stream().map(entry -> entry.getDomAttribute("data-kind")).toList(),
                hasItem("SURVEY"));

        WebElement recovery = recommendation(call);
        open(recovery, ".act-dismiss");
        new Select(recovery.findElement(By.cssSelector(".act-dismiss select[name=reason]"))).selectByValue("CUSTOMER_ASKED_NOT_TO");
        recovery.findElement(By.cssSelector(".act-dismiss textarea[name=note]")).sendKeys("Asked for no calls this month");
        submit(recovery.findElement(By.cssSelector(".act-dismiss button[type=submit]")));

        assertThat(text(By.cssSelector(".notice")), startsWith("Dismissed"));
        assertThat(browser.findElements(By.cssSelector("li.item[data-recommendation='" + call + "']")), empty());
        followLink(By.cssSelector(".crumbs a"));
        assertThat(text(By.tagName("h1")), equalTo("Worklist of " + DriftingCustomers.MANAGER_NAME));
        assertThat(shownRecommendations(), not(hasItem(call)));
        assertThat(DriftingCustomers.statusFromApi(call), equalTo("DISMISSED"));
    }

    @Test
    void managerMarksDoneOnTheWorklistAndDismissesOnACardInRussian() {
        open("/managers/" + story.managerId() + "?lang=ru");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"), equalTo("ru"));
        assertThat(text(By.tagName("h1")), equalTo("Список дел: " + DriftingCustomers.MANAGER_NAME));
        assertThat(text(By.id("kpi-title")), equalTo("Сводка"));

        long complaint = story.recommendation(story.complainerId(), "RESOLVE_COMPLAINT");
        WebElement resolve = recommendation(complaint);
        assertThat(resolve.findElement(By.cssSelector(".act-done summary")).getText(), equalTo("Сделано…"));
        open(resolve, ".act-done");
        new Select(resolve.findElement(By.cssSelector(".act-done select[name=channel]"))).selectByValue("PHONE");
        submit(resolve.findElement(By.cssSelector(".act-done button[type=submit]")));

        assertThat(text(By.cssSelector(".notice")), startsWith("Отмечено как сделанное"));
        assertThat(shownRecommendations(), not(hasItem(complaint)));
        assertThat(DriftingCustomers.statusFromApi(complaint), equalTo("DONE"));

        long call = story.recommendation(story.complainerId(), "RECOVERY_CALL");
        followLink(By.cssSelector("li.item[data-recommendation='" + call + "'] a.customer"));
        assertThat(text(By.id("risk-title")), equalTo("Риск сейчас"));
        assertThat(text(By.cssSelector("[data-sign=NPS_DETRACTOR] .evidence")), containsString(RuleTexts.text(Locale.forLanguageTag("ru"), "sign.NPS_DETRACTOR", 4)));

        WebElement recovery = recommendation(call);
        open(recovery, ".act-dismiss");
        new Select(recovery.findElement(By.cssSelector(".act-dismiss select[name=reason]"))).selectByValue("OTHER");
        assertThat("the note is asked for when the reason is Other",
                recovery.findElement(By.cssSelector(".act-dismiss textarea[name=note]")).getDomProperty("required"), equalTo("true"));
        recovery.findElement(By.cssSelector(".act-dismiss textarea[name=note]")).sendKeys("Клиент в отпуске до конца месяца");
        submit(recovery.findElement(By.cssSelector(".act-dismiss button[type=submit]")));

        assertThat(text(By.cssSelector(".notice")), startsWith("Отклонено"));
        assertThat(browser.findElements(By.cssSelector("li.item[data-recommendation='" + call + "']")), empty());
        followLink(By.cssSelector(".crumbs a"));
        assertThat(shownRecommendations(), not(hasItem(call)));
        assertThat(DriftingCustomers.statusFromApi(call), equalTo("DISMISSED"));
    }

    @Test
    void pagesFitALaptopAndAPhone() throws IOException {
        String worklist = "/managers/" + story.managerId();
        String card = "/customers/" + story.detractorId();

        open("/login?lang=en");
        HeadlessChromium.laptopScreenshot(browser, "login-laptop", LAPTOP);
        open(worklist + "?lang=en");
        HeadlessChromium.laptopScreenshot(browser, "worklist-laptop", LAPTOP);
        open(card + "?lang=en");
        HeadlessChromium.laptopScreenshot(browser, "customer-laptop", LAPTOP);
        open(card + "?lang=ru");
        HeadlessChromium.laptopScreenshot(browser, "customer-laptop-ru", LAPTOP);

        for (String page : List.of(worklist + "?lang=en", worklist + "?lang=ru", card + "?lang=en", card + "?lang=ru", "/login?lang=ru")) {
            open(page);
            HeadlessChromium.emulate(browser, PHONE, PHONE_HEIGHT, true);
            browser.findElements(By.cssSelector("details.act")).forEach(details -> browser.executeScript("arguments[0].open = true", details));
            long pageWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(page + " scrolls sideways on a phone", pageWidth, lessThanOrEqualTo((long) PHONE));
            HeadlessChromium.stopEmulating(browser);
        }
        open(worklist + "?lang=en");
        HeadlessChromium.phoneScreenshot(browser, "worklist-phone", PHONE, PHONE_HEIGHT);
        open(card + "?lang=en");
        assertThat(browser.findElements(By.cssSelector("li.item")).size(), greaterThan(0));
        HeadlessChromium.phoneScreenshot(browser, "customer-phone", PHONE, PHONE_HEIGHT);
    }

    private void open(String path) {
        browser.get(root.resolve(path).toString());
    }

    // As a person does: the worklist sends them to the login page, and after it back to the worklist.
    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/managers/" + story.managerId() + "?lang=en");
        assertThat(text(By.tagName("h1")), equalTo("Sign in"));
        browser.findElement(By.name("j_username")).sendKeys(username);
        browser.findElement(By.name("j_password")).sendKeys(password);
        submit(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(text(By.cssSelector(".signed-in .who")), equalTo("Signed in as " + username));
    }

    // Opens one of a recommendation's <details> forms, as a click on its summary does.
    private static void open(WebElement item, String details) {
        WebElement section = item.findElement(By.cssSelector(details));
        section.findElement(By.cssSelector("summary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> "true".equals(section.getDomProperty("open")));
    }

    private static void followLink(By link) {
        WebElement element = browser.findElement(link);
        element.click();
        waitForTheNextPage(element);
    }

    private static void submit(WebElement button) {
        button.click();
        waitForTheNextPage(button);
    }

    private static void waitForTheNextPage(WebElement onThePageBefore) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // The page before is gone once its element is: stale, or (chromedriver, mid-navigation) "does not belong to the
        // document", which ExpectedConditions.stalenessOf does not take for gone.
        wait.until(driver -> {
            try {
                onThePageBefore.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        wait.until(driver -> "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState")));
    }

    private static WebElement recommendation(long id) {
        return browser.findElement(By.cssSelector("li.item[data-recommendation='" + id + "']"));
    }

    private static List<Long> shownRecommendations() {
        return browser.findElements(By.cssSelector("li.item")).stream()
                .map(item -> Long.parseLong(item.getDomAttribute("data-recommendation"))).toList();
    }

    private static String text(By locator) {
        return browser.findElement(locator).getText().strip();
    }
}
