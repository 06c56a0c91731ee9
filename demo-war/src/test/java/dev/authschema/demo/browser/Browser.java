package dev.authschema.demo.browser;

import dev.authschema.demo.it.DemoEnvironment;
import dev.authschema.testsupport.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with its own fresh profile (so its own cookies), driven by Debian's chromedriver; nothing
 * is downloaded. Elements are found by id only: MyFaces (Liberty) and Mojarra (Payara) agree on ids, not on markup.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser() {
        chromium = Chromium.start(1200, 1000);
        driver = chromium.driver();
        wait = new WebDriverWait(driver, WAIT);
    }

    /** Opens a path of the demo or an absolute URL. */
    void open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : DemoEnvironment.baseUrl() + pathOrUrl);
    }

    /** Waits until the element is on the page and returns it. */
    WebElement element(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Whether the current page has the element, without waiting. */
    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a button or link and waits for the page it leads to show the element {@code expectedId}. */
    void click(String id, String expectedId) {
        WebElement clicked = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        clicked.click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.stalenessOf(clicked),
                ExpectedConditions.presenceOfElementLocated(By.id(expectedId))));
        element(expectedId);
    }

    String text(String id) {
        return element(id).getText().strip();
    }

    /** The path of the current page, such as {@code /account.xhtml}. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        Path directory = Path.of(System.getProperty("demo.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
    }
}
