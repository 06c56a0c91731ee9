package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Chromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in headless Chromium with Selenium's virtual authenticator (CTAP2, resident keys, user verification), on
 * the {@code /dev} deployment at {@code localhost} (browsers refuse an IP address as RP ID). The test page
 * ({@code /test/passkeys}) runs the engine's {@code passkeys.js} under {@code default-src 'self'}.
 */
@ExtendWith(ItServers.class)
class PasskeyBrowserIT {

    private static final String PAGE = "http://localhost:27080" + ItServers.DEV + "/test/passkeys";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Chromium chromium;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void start_chromium() {
        chromium = Chromium.start(1200, 1000);
        driver = chromium.driver();
        wait = new WebDriverWait(driver, WAIT);
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    @AfterEach
    void stop_chromium() {
        chromium.close();
    }

    @Test
    void a_signed_in_user_adds_a_passkey_signs_out_and_signs_in_with_it_without_typing_a_name() {
        Browser http = new Browser(ItServers.DEV);
        String email = Checks.uniqueEmail("chromium-passkey");
        http.signInByEmail(email);
        String userId = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)
                .get(0)
                .getString("ID");
        driver.get(PAGE);
        driver.manage()
                .addCookie(new Cookie(
                        Browser.SESSION_COOKIE,
                        http.cookie(Browser.SESSION_COOKIE).orElseThrow(),
                        "/"));
        driver.get(PAGE);
        assertThat(text("who")).isEqualTo("user " + userId);

        click("register");
        wait.until(d -> d.findElements(By.className("passkey")).size() == 1);
        List<Credential> credentials = authenticator.getCredentials();
        assertThat(credentials).hasSize(1);
        assertThat(credentials.get(0).isResidentCredential()).isTrue();
        String credentialId = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(credentials.get(0).getId());
        assertThat(Database.rowsWhere(Database.dump(), "AUTHENTICATORS", "CREDENTIAL_ID", credentialId)
                        .get(0)
                        .getString("USER_ID"))
                .isEqualTo(userId);

        click("sign-out");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "signed out"));
        click("sign-in");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "user " + userId));
        long counter =
                Long.parseLong(Database.rowsWhere(Database.dump(), "AUTHENTICATORS", "CREDENTIAL_ID", credentialId)
                        .get(0)
                        .getString("COUNTER"));
        assertThat(counter).isEqualTo(authenticator.getCredentials().get(0).getSignCount());
        assertThat(driver.manage().getCookieNamed("authjs.challenge")).isNull();
    }

    @Test
    void someone_new_signs_up_with_a_passkey_alone_where_the_application_allows_it() {
        driver.get(PAGE);
        assertThat(text("who")).isEqualTo("signed out");
        click("sign-up");
        wait.until(ExpectedConditions.textMatches(By.id("who"), java.util.regex.Pattern.compile("user .+")));
        assertThat(driver.findElements(By.className("passkey"))).hasSize(1);

        click("sign-out");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "signed out"));
        String user = "user "
                + Database.rowsWhere(
                                Database.dump(),
                                "AUTHENTICATORS",
                                "CREDENTIAL_ID",
                                java.util.Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(authenticator
                                                .getCredentials()
                                                .get(0)
                                                .getId()))
                        .get(0)
                        .getString("USER_ID");
        click("sign-in");
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
    }

    private void click(String id) {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        button.click();
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)))
                .getText();
    }
}
