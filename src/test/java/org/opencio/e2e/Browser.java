package org.opencio.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session with its own fresh profile, driven by Debian's {@code chromium} and
 * {@code chromedriver} (never a downloaded driver), with the waits and screenshots the journeys use.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SHOTS = new AtomicInteger();

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * Skips the browser tests on a developer machine without Chromium, but fails them in CI (CI=true), where a
     * missing browser means a broken build machine rather than a reason to test less.
     */
    static void requireChromium() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "The browser tests need Debian's chromium and chromium-driver packages, but "
                + String.join(" and ", missing) + " is missing. Install them with: apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        message += " (skipped because CI is not 'true')";
        System.err.println(message);
        Assumptions.abort(message);
    }

    /** Starts a new browser, with an empty profile of its own, that opens pages of the app at {@code baseUrl}. */
    static Browser open(String baseUrl) {
        // Selenium must use the installed driver and browser and never try to download either.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("opencio-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1366,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            return new Browser(baseUrl, profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    /** Opens a page of the app by its path, e.g. {@code /login}. */
    Browser go(String path) {
        driver.get(baseUrl + path);
        waitForPage();
        return this;
    }

    /** Opens a full URL, such as a link the app showed. */
    Browser goTo(String url) {
        driver.get(url);
        waitForPage();
        return this;
    }

    /** The path and query of the page on screen, e.g. {@code /login?setup}. */
    String location() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    String title() {
        return driver.getTitle();
    }

    String heading() {
        return find(By.tagName("h1")).getText();
    }

    /** The visible text of the whole page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text of the first success message on the page, waiting for it to appear. */
    String successMessage() {
        return find(By.cssSelector(".flash.success")).getText();
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Replaces the text of the input with this id. */
    Browser type(String id, String text) {
        WebElement input = find(By.id(id));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Sets the value of an input a person would fill with a picker, such as a date, as the picker would. */
    Browser setValue(String id, String value) {
        WebElement input = find(By.id(id));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        return this;
    }

    /** Chooses an option of the select with this id by its value. */
    Browser choose(String id, String value) {
        new Select(find(By.id(id))).selectByValue(value);
        return this;
    }

    /** Chooses an option of the select with this id by the text a person reads. */
    Browser chooseText(String id, String text) {
        new Select(find(By.id(id))).selectByVisibleText(text);
        return this;
    }

    /** Clicks something that leads to another page and waits until that page has loaded. */
    Browser clickAndWait(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
        wait.until(ExpectedConditions.stalenessOf(page));
        waitForPage();
        return this;
    }

    Browser clickAndWait(By target) {
        return clickAndWait(find(target));
    }

    /** Clicks the form's submit button (the primary one when there are several) and waits for the answer. */
    Browser submit() {
        return clickAndWait(By.cssSelector("main form.stack button[type=submit].primary"));
    }

    Browser click(By target) {
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
        return this;
    }

    Browser waitForLocation(String regex) {
        wait.until(d -> location().matches(regex));
        return this;
    }

    private void waitForPage() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Saves the whole page, not only the window, as target/screenshots/NN-name.png. */
    Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
        Path file = dir.resolve("%02d-%s.png".formatted(SHOTS.incrementAndGet(), name));
        try {
            Files.createDirectories(dir);
            Files.write(file, fullPagePng());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @SuppressWarnings("unchecked")
    private byte[] fullPagePng() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format", "png",
                            "captureBeyondViewport", true,
                            "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (WebDriverException | ClassCastException | NullPointerException e) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
