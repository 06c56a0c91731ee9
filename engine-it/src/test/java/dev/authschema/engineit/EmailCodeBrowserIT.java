package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in by a mailed code in headless Chromium (Debian's {@code chromium} and {@code chromedriver}): the
 * application's form asks for a code, the engine's built-in page takes it, first a wrong one (the page says so and
 * keeps the request), then the right one, and the browser is signed in. The real browser keeps the sealed cookie and
 * applies the cookies' SameSite and HttpOnly flags itself.
 */
@ExtendWith(ItServers.class)
class EmailCodeBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("^\\s+([0-9]{6})\\s*$", Pattern.MULTILINE);

    private Chromium chromium;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start_chromium() {
        chromium = Chromium.start(900, 700);
        driver = chromium.driver();
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void stop_chromium() {
        chromium.close();
    }

    private String base() {
        return ItServers.serverUrl() + ItServers.DB;
    }

    private WebElement element(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Test
    void a_user_signs_in_by_typing_the_mailed_code_into_the_built_in_page() {
        String email = Checks.uniqueEmail("chromium-code");
        driver.get(base() + "/api/auth/csrf");
        Matcher csrf = CSRF.matcher(bodyText());
        assertThat(csrf.find()).as(bodyText()).isTrue();
        SeenSecrets.remember(csrf.group(1));

        int received = ItServers.mailbox().count(email);
        driver.get(base() + "/test/email-code.html");
        element("email").sendKeys(email);
        element("csrfToken").sendKeys(csrf.group(1));
        element("send").click();
        WebElement field = element("code");
        assertThat(driver.getCurrentUrl()).isEqualTo(base() + EmailCodeIT.CALLBACK);
        assertThat(bodyText()).contains(email);
        assertThat(driver.manage().getCookieNamed(EmailCodeIT.CODE_COOKIE).isHttpOnly())
                .isTrue();
        Matcher code = CODE.matcher(ItServers.mailbox().awaitText(email, received));
        assertThat(code.find()).isTrue();
        String right = code.group(1);

        field.sendKeys(right.equals("000000") ? "111111" : "000000");
        element("submit").click();
        assertThat(element("wrong-code").getText()).contains("4 attempts left");
        screenshot("email-code-page");

        element("code").sendKeys(right.substring(0, 3) + " " + right.substring(3)); // as a phone might group it
        element("submit").click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains(EmailCodeIT.CALLBACK)));

        driver.get(base() + "/api/auth/session");
        assertThat(bodyText()).contains("\"email\":\"" + email + "\"");
        assertThat(driver.manage().getCookieNamed(EmailCodeIT.CODE_COOKIE)).isNull();
        assertThat(Database.rowsWhere(Database.dump(), "VERIFICATION_TOKENS", "IDENTIFIER", email))
                .isEmpty();
    }

    private void screenshot(String name) {
        Path directory = Path.of("target/screenshots");
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
