package ir.hamyar.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver (nothing is downloaded), as a person uses the
 * console: it opens pages, fills and sends forms, and after every page checks what a person would notice: the page
 * says its language and direction, the browser reported no error (a CSP violation included), and nothing was asked
 * of another host.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    public Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            this.profile = Files.createTempDirectory("hamyar-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public Browser open(String path) {
        driver.get(base + path);
        return checked();
    }

    public Browser signIn(String user) {
        open("/console/login");
        type("#j_username", user);
        type("#j_password", user + "-test");
        return submit("#sign-in");
    }

    public Browser signOut() {
        return submit("#sign-out");
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    public Browser check(String css) {
        WebElement box = find(css);
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Puts a whole text into a field at once, as pasting does. */
    public Browser paste(String css, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), text);
        return this;
    }

    /**
     * Clicks what sends a form or follows a link, and waits for the page that answers it: the page being left is
     * marked, and the wait ends when a document without the mark has loaded (asking a page that is going away may
     * fail, which the wait ignores).
     */
    public Browser submit(String css) {
        ((JavascriptExecutor) driver).executeScript("window.hamyarLeaving = true;");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript(
                                "return window.hamyarLeaving === undefined && document.readyState === 'complete';")));
        return checked();
    }

    /** Clicks what htmx answers in place, and waits until {@code css} shows the answer. */
    public Browser clickAndWaitFor(String click, String css) {
        find(click).click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        return checked();
    }

    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String attribute(String css, String name) {
        return find(css).getDomAttribute(name);
    }

    /** A screenshot with {@code css} scrolled into view, as a person would look at it. */
    public void screenshot(String name, String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", find(css));
        screenshot(name);
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every page must be: its language and direction declared, no browser error, no request elsewhere. The
     * page's own status is the test's to check (a refusal is a 403 page): only what the page itself loads or runs
     * must not fail.
     */
    private Browser checked() {
        String lang = attribute("html", "lang");
        String dir = attribute("html", "dir");
        assertThat(lang).as("lang of " + url()).isIn("fa", "en");
        assertThat(dir).as("dir of " + url()).isEqualTo(lang.equals("fa") ? "rtl" : "ltr");
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            boolean pageStatus = entry.getMessage().startsWith(url() + " - Failed to load resource");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !pageStatus) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("browser errors on " + url()).isEmpty();
        assertThat(requestedUrls()).as("requests of " + url()).allSatisfy(requested -> assertThat(requested)
                .startsWith(base));
        return this;
    }

    private List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message;
            try {
                message = Fixtures.JSON.readTree(entry.getMessage()).path("message");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Chromium wrote a performance log entry that is not JSON", e);
            }
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                String url = message.path("params").path("request").path("url").asText();
                if (url.startsWith("http")) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary profile left behind harms nothing
        }
    }
}
