package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium on the built-in password pages of {@code /jwt} (strict Content-Security-Policy): from the sign-in
 * page to the sign-up page, the confirmation link from GreenMail, then, in a fresh browser, sign-in with the
 * password through the sign-in page's own form, landing on the protected page.
 */
@ExtendWith(ItServers.class)
class PasswordChromiumIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "chromium correct horse battery";

    static {
        SeenSecrets.remember(PASSWORD);
    }

    @Test
    void a_browser_signs_up_confirms_and_signs_in_with_a_password_through_the_built_in_pages() {
        String base = ItServers.serverUrl() + ItServers.JWT;
        String address = Checks.uniqueEmail("chromium-pw");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        try (Chromium chromium =
                Chromium.start(900, 900, options -> options.setCapability("goog:loggingPrefs", logs))) {
            ChromeDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            driver.get(base + "/api/auth/signin");
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Create an account")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signup-password")));
            driver.findElement(By.cssSelector("#signup-password input[name=email]"))
                    .sendKeys(address);
            driver.findElement(By.cssSelector("#signup-password input[name=password]"))
                    .sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("#signup-password button")).click();
            wait.until(ExpectedConditions.urlContains("/api/auth/verify-request"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");

            driver.get(ItServers.mailbox().awaitSignInLink(address));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#confirm button")))
                    .click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/callback/email")));
            List<LogEntry> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getMessage().contains("Content Security Policy"))
                    .toList();
            assertThat(violations).as("CSP violations").isEmpty();
        }
        try (Chromium chromium = Chromium.start(900, 900, options -> {})) {
            ChromeDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            driver.get(base + "/test/protected?from=chromium-password");
            WebElement email = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email-password")));
            email.sendKeys(address);
            driver.findElement(By.id("password-password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("#signin-password button")).click();
            wait.until(ExpectedConditions.urlContains("/test/protected?from=chromium-password"));
            assertThat(driver.findElement(By.tagName("body")).getText()).startsWith("signed in as ");
        }
    }
}
