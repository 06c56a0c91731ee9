package dev.authschema.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.demo.it.DemoEnvironment;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's pages in headless Chromium, against the running server; saves screenshots of the main pages. */
@ExtendWith(DemoEnvironment.class)
class BrowserFlowsIT {

    private static void signInByEmail(Browser browser, String email, String screenshotPrefix) {
        browser.open("/signin.xhtml");
        browser.type("email-form:email", email);
        if (screenshotPrefix != null) {
            browser.screenshot(screenshotPrefix + "-signin");
        }
        browser.click("email-form:send-link", "check-email-title");
        if (screenshotPrefix != null) {
            browser.screenshot(screenshotPrefix + "-check-email");
        }
        browser.open(DemoEnvironment.mailbox().awaitSignInLink(email));
        browser.element("confirm-form:confirm-signin");
        if (screenshotPrefix != null) {
            browser.screenshot(screenshotPrefix + "-confirm");
        }
        browser.click("confirm-form:confirm-signin", "account-title");
    }

    @Test
    void email_sign_in_edit_the_display_name_and_sign_out() {
        try (Browser browser = new Browser()) {
            String email = DemoEnvironment.uniqueEmail("eva");
            signInByEmail(browser, email, "01");
            assertThat(browser.path()).isEqualTo("/account.xhtml");
            assertThat(browser.text("member-email")).isEqualTo(email);

            browser.type("profile-form:displayName", "Eva from the browser");
            browser.click("profile-form:save-profile", "notice");
            assertThat(browser.text("notice")).isEqualTo("Your display name was saved.");
            assertThat(browser.text("greeting-name")).isEqualTo("Eva from the browser");
            browser.screenshot("04-account");

            browser.click("signout-form:signout", "signed-out");
            assertThat(browser.path()).isEqualTo("/signin.xhtml");
            browser.open("/account.xhtml");
            browser.element("signin-title");
            assertThat(browser.path()).isEqualTo("/signin.xhtml");
        }
    }

    @Test
    void password_sign_up_through_the_sign_in_page_then_sign_in_with_it() {
        try (Browser browser = new Browser()) {
            String email = DemoEnvironment.uniqueEmail("pam");
            browser.open("/signin.xhtml");
            browser.click("signup-link", "signup-password");
            browser.type("email", email);
            browser.type("password", "a browser typed passphrase");
            browser.screenshot("13-password-signup");
            browser.element("password").submit(); // the engine's page: its button has no id
            browser.element("check-email-title");
            browser.open(DemoEnvironment.mailbox().awaitSignInLink(email));
            browser.click("confirm-form:confirm-signin", "account-title");
            browser.click("signout-form:signout", "signed-out");

            browser.type("password-form:email", email);
            browser.type("password-form:password", "not the passphrase");
            browser.click("password-form:signin-password", "signin-error");
            assertThat(browser.text("signin-error")).contains("Check the details you provided are correct");
            browser.screenshot("14-password-refused");

            browser.type("password-form:email", email);
            browser.type("password-form:password", "a browser typed passphrase");
            browser.click("password-form:signin-password", "account-title");
            assertThat(browser.text("member-email")).isEqualTo(email);
        }
    }

    @Test
    void oidc_sign_in_with_the_demo_provider() {
        try (Browser browser = new Browser()) {
            String email = DemoEnvironment.uniqueEmail("otto");
            DemoEnvironment.oidc().nextSignIn("otto-" + UUID.randomUUID(), email, "Otto Example");
            browser.open("/signin.xhtml");
            browser.click("oauth-form:signin-demo", "account-title");
            assertThat(browser.text("member-name")).isEqualTo("Otto Example");
            assertThat(browser.text("greeting-name")).isEqualTo("Otto Example");
            assertThat(browser.has("accounts-form:accounts:0:unlink"))
                    .as("e-mail remains a way in")
                    .isTrue();
            browser.screenshot("05-account-oidc");
        }
    }

    @Test
    void link_a_second_provider_then_unlink_it() {
        try (Browser browser = new Browser()) {
            signInByEmail(browser, DemoEnvironment.uniqueEmail("liam"), null);
            assertThat(browser.has("accounts-form:accounts:0:unlink")).isFalse();

            DemoEnvironment.oidc().nextSignIn("liam-" + UUID.randomUUID(), "liam.elsewhere@demo.test", "Liam");
            browser.click("link-form:link-demo", "accounts-form:accounts:0:unlink");
            assertThat(browser.has("link-form:link-demo")).as("already linked").isFalse();
            browser.screenshot("06-account-linked");

            browser.click("accounts-form:accounts:0:unlink", "notice");
            assertThat(browser.text("notice")).isEqualTo("The provider was unlinked.");
            assertThat(browser.has("accounts-form:accounts:0:unlink")).isFalse();
            assertThat(browser.has("link-form:link-demo")).isTrue();
        }
    }

    @Test
    void a_session_is_signed_out_from_another_browser() {
        String email = DemoEnvironment.uniqueEmail("rae");
        try (Browser laptop = new Browser();
                Browser phone = new Browser()) {
            signInByEmail(laptop, email, null);
            signInByEmail(phone, email, null);

            laptop.open("/account.xhtml");
            String otherSession = IntStream.range(0, 10)
                    .mapToObj(i -> "sessions-form:sessions:" + i + ":end")
                    .filter(laptop::has)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no other session listed"));
            laptop.screenshot("07-account-two-sessions");
            laptop.click(otherSession, "notice");
            assertThat(laptop.text("notice")).isEqualTo("The session was signed out.");

            phone.open("/account.xhtml");
            phone.element("signin-title");
            assertThat(phone.path()).isEqualTo("/signin.xhtml");
            laptop.open("/account.xhtml");
            assertThat(laptop.text("account-title")).startsWith("Hello");
        }
    }

    @Test
    void the_admin_page_is_refused_to_a_member_and_shown_to_an_admin() {
        try (Browser member = new Browser()) {
            signInByEmail(member, DemoEnvironment.uniqueEmail("max"), null);
            member.open("/admin");
            assertThat(member.text("problem-title")).isEqualTo("You do not have access to this page");
            member.screenshot("08-admin-refused");
        }
        try (Browser admin = new Browser()) {
            signInByEmail(admin, DemoEnvironment.ADMIN_EMAIL, null);
            assertThat(admin.text("member-role")).isEqualTo("ADMIN");
            admin.click("open-admin", "admin-title");
            assertThat(admin.text("admin-caller")).contains("isUserInRole(\"ADMIN\") is true");
            admin.screenshot("09-admin");
        }
    }

    @Test
    void errors_get_their_own_pages() {
        String email = DemoEnvironment.uniqueEmail("nico");
        try (Browser owner = new Browser()) {
            signInByEmail(owner, email, null);
        }
        try (Browser stranger = new Browser()) {
            DemoEnvironment.oidc().nextSignIn("nico-elsewhere-" + UUID.randomUUID(), email, "Not Nico");
            stranger.open("/signin.xhtml");
            stranger.click("oauth-form:signin-demo", "signin-error");
            assertThat(stranger.text("signin-error")).contains("This account belongs to another sign-in");
            stranger.screenshot("10-error-not-linked");

            stranger.open("/signin.xhtml");
            stranger.type("email-form:email", email);
            stranger.click("email-form:send-link", "check-email-title");
            String link = DemoEnvironment.mailbox().awaitSignInLink(email);
            stranger.open(link);
            stranger.click("confirm-form:confirm-signin", "account-title");
            stranger.click("signout-form:signout", "signed-out");
            stranger.open(link);
            stranger.click("confirm-form:confirm-signin", "error-title");
            assertThat(stranger.text("error-code")).isEqualTo("Verification");
            stranger.screenshot("11-error-used-link");

            stranger.open("/no-such-page.xhtml");
            assertThat(stranger.text("problem-title")).isEqualTo("Page not found");
        }
    }
}
