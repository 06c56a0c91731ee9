package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, finding 6: a form body sent without {@code charset} (what every browser sends) is decoded as UTF-8, so
 * the engine's NFKC normalisation applies to browser input too: a full-width address and one with a trailing
 * no-break space get the link at the plain address, and that link works.
 */
@ExtendWith(ItServers.class)
class Utf8FormIT {

    /** {@code name@engine-it.test} in full-width forms (U+FF01..U+FF5E are ASCII + 0xFEE0). */
    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    @Test
    void a_full_width_address_in_a_percent_encoded_utf8_form_gets_its_link_at_the_plain_address() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("wide");
        // Browser.post percent-encodes UTF-8 and sends Content-Type without charset, as a browser form does.
        Browser.Response sent =
                browser.post("/api/auth/signin/email", Map.of("csrfToken", browser.csrf(), "email", fullWidth(email)));
        assertThat(sent.location()).as("%s", sent).contains("/verify-request").doesNotContain("error=");
        String link = ItServers.mailbox().awaitSignInLink(email, 0);
        assertThat(Database.rowsWhere(Database.dump(), "VERIFICATION_TOKENS", "IDENTIFIER", email))
                .hasSize(1);
        browser.confirmLink(link);
        assertThat(browser.sessionEmail()).contains(email);
    }

    @Test
    void a_trailing_no_break_space_is_decoded_and_stripped() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("nbsp");
        String upper = email.toUpperCase(java.util.Locale.ROOT);
        // The UTF-8 bytes of U+FF20 (full-width @) and U+00A0 (no-break space), percent-encoded as browsers send them;
        // decoded as ISO-8859-1 they were "Ã¯Â¼Â " and "Â ", and the link went to "...testâ".
        Browser.Response sent = browser.postRaw(
                "/api/auth/signin/email",
                "application/x-www-form-urlencoded",
                "csrfToken=" + browser.csrf() + "&email=" + upper.replace("@", "%EF%BC%A0") + "%C2%A0");
        assertThat(sent.location()).as("%s", sent).contains("/verify-request").doesNotContain("error=");
        String link = ItServers.mailbox().awaitSignInLink(email, 0);
        assertThat(link)
                .contains("email=" + email.replace("@", "%40"))
                .doesNotContain("%C2%A0")
                .doesNotContain("%C3");
        browser.confirmLink(link);
        assertThat(browser.sessionEmail()).contains(email);
    }
}
