package com.retentionadvisor.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: what the browser tests click with. Without
 * /usr/bin/chromedriver a browser test fails and says how to install it (.ci/run installs it); it is skipped, loudly,
 * only when run with -DskipBrowserTests. Screenshots go to target/screenshots/ (docs/screenshots/ holds the copies
 * docs/manager-page.md shows).
 */
final class HeadlessChromium {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    private static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final int MAX_HEIGHT = 4000;

    private HeadlessChromium() {
    }

    /** Whether the browser tests are left out on purpose (-DskipBrowserTests). */
    static boolean skipped() {
        return Boolean.getBoolean("skipBrowserTests");
    }

    /** Starts the browser; none when the tests are left out on purpose, which it says loudly. */
    static ChromeDriver start() throws IOException {
        if (skipped()) {
            System.err.println("""

                    *** SKIPPED: the manager page's browser tests (-DskipBrowserTests). Nothing clicked through the page. ***
                    """);
            return null;
        }
        if (!Files.isExecutable(Path.of(DRIVER)) || !Files.isExecutable(Path.of(BROWSER))) {
            throw new IllegalStateException("The manager page's browser test needs Debian's chromium and chromium-driver, and "
                    + DRIVER + " or " + BROWSER + " is missing. Install them (as root): "
                    + "apt-get install -y chromium chromium-driver; .ci/run does this on CI. "
                    + "Or skip this test on purpose with -DskipBrowserTests.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // This machine has no network beyond localhost: nothing in the background may try to reach out.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The whole page laid out at a laptop's width, saved as target/screenshots/NAME.png. */
    static Path laptopScreenshot(ChromeDriver driver, String name, int width) throws IOException {
        emulate(driver, width, 800, false);
        long height = ((Number) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        emulate(driver, width, (int) Math.min(height, MAX_HEIGHT), false);
        return save(driver, name);
    }

    /** The first screen of the page on a phone of this size, saved as target/screenshots/NAME.png. */
    static Path phoneScreenshot(ChromeDriver driver, String name, int width, int height) throws IOException {
        emulate(driver, width, height, true);
        return save(driver, name);
    }

    private static Path save(ChromeDriver driver, String name) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        stopEmulating(driver);
        Files.createDirectories(SCREENSHOTS);
        return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** Lays the page out as a screen of this width would, a phone's with its touch viewport. */
    static void emulate(ChromeDriver driver, int width, int height, boolean phone) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
    }

    static void stopEmulating(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
