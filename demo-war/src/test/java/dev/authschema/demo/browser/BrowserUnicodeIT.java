package dev.authschema.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.demo.it.DemoEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, finding 6, in a real browser: Chromium submits the demo's forms as UTF-8 without a charset in the
 * {@code Content-Type}; the runtime's web fragment makes the server decode them as UTF-8, so a full-width address
 * is NFKC-normalised to the plain one (the link arrives there and signs in) and a non-ASCII display name is stored
 * as typed (the account page reads it back from the database on a fresh request).
 */
@ExtendWith(DemoEnvironment.class)
class BrowserUnicodeIT {

    /** The full-width form of printable ASCII (U+FF01..U+FF5E are ASCII + 0xFEE0). */
    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    @Test
    void a_full_width_address_and_a_non_ascii_display_name_are_stored_as_meant() {
        try (Browser browser = new Browser()) {
            String email = DemoEnvironment.uniqueEmail("wide");
            browser.open("/signin.xhtml");
            browser.type("email-form:email", fullWidth(email));
            browser.click("email-form:send-link", "check-email-title");
            browser.open(DemoEnvironment.mailbox().awaitSignInLink(email));
            assertThat(browser.text("confirm-email")).isEqualTo(email);
            browser.click("confirm-form:confirm-signin", "account-title");
            assertThat(browser.text("member-email")).isEqualTo(email);

            String name = "Zo\u00EB \u65E5\u672C";
            browser.type("profile-form:displayName", name);
            browser.click("profile-form:save-profile", "notice");
            assertThat(browser.text("notice")).isEqualTo("Your display name was saved.");
            browser.open("/account.xhtml");
            assertThat(browser.text("greeting-name")).isEqualTo(name);
            browser.screenshot("12-account-unicode");
        }
    }
}
