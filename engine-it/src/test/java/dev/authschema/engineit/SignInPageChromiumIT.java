package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium on the built-in sign-in page of {@code /jwt}, which runs with a strict Content-Security-Policy
 * ({@code default-src 'self'; script-src 'none'; style-src 'self'}) and a theme: the page is styled by the engine's
 * stylesheet (the CSP would block an inline style), shows the logo, and signs in by e-mail through its own form.
 * The screenshot of the page is {@code target/screenshots/built-in-sign-in.png}; the README shows a copy of it
 * ({@code docs/images/built-in-sign-in.png}).
 */
@ExtendWith(ItServers.class)
class SignInPageChromiumIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_browser_signs_in_by_e_mail_through_the_built_in_page_under_a_strict_content_security_policy()
            throws IOException {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        try (Chromium chromium =
                Chromium.start(900, 760, options -> options.setCapability("goog:loggingPrefs", logs))) {
            ChromeDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            String base = ItServers.serverUrl() + ItServers.JWT;
            driver.get(base + "/test/protected?from=chromium");
            WebElement email = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email-email")));
            assertThat(driver.getCurrentUrl()).startsWith(base + "/api/auth/signin?callbackUrl=");

            WebElement button = driver.findElement(By.cssSelector("#signin-email button"));
            assertThat(button.getCssValue("background-color"))
                    .as("the theme's brand colour, from the stylesheet")
                    .isEqualTo("rgba(15, 118, 110, 1)");
            WebElement logo = driver.findElement(By.className("logo"));
            assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", logo)).intValue())
                    .as("the logo loaded")
                    .isGreaterThan(0);
            List<LogEntry> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getMessage().contains("Content Security Policy"))
                    .toList();
            assertThat(violations).as("CSP violations").isEmpty();
            screenshot(driver, "built-in-sign-in");

            String address = Checks.uniqueEmail("chromium");
            email.sendKeys(address);
            button.click();
            wait.until(ExpectedConditions.urlContains("/api/auth/verify-request"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");

            driver.get(ItServers.mailbox().awaitSignInLink(address));
            WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#confirm button")));
            assertThat(driver.findElement(By.tagName("strong")).getText()).isEqualTo(address);
            confirm.click();
            wait.until(ExpectedConditions.urlContains("/test/protected?from=chromium"));
            assertThat(driver.findElement(By.tagName("body")).getText()).startsWith("signed in as ");
        }
    }

    private static void screenshot(ChromeDriver driver, String name) {
        Path directory = Path.of(System.getProperty("engineit.screenshots", "target/screenshots"));
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
}
