package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import dev.authschema.testsupport.Waits;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state-changing POST without the right double-submit token is refused with {@code MissingCSRF}, writes
 * nothing, sends no mail, and leaves the caller's session as it was.
 */
@ExtendWith(ItServers.class)
class CsrfIT {

    /** How a request gets its CSRF token wrong. */
    enum Forgery {
        /** No token in the form (the cookie is there). */
        MISSING(browser -> browser.csrf(), null),
        /** A token of the right shape that the cookie does not vouch for. */
        WRONG(browser -> browser.csrf(), "x"),
        /** Another browser's valid token: tokens are bound to their own cookie. */
        OTHER_BROWSERS(browser -> browser.csrf(), "other"),
        /** The right token, but the cookie is gone (a cross-site form post from a browser that never had it). */
        NO_COOKIE(browser -> browser.removeCookie(Browser.CSRF_COOKIE), "own"),
        /** A cookie the attacker made up: token and HMAC not from the server. */
        FORGED_COOKIE(browser -> browser.setCookie(Browser.CSRF_COOKIE, "attacker|" + "0".repeat(64)), "attacker");

        private final Consumer<Browser> prepare;
        private final String submitted;

        Forgery(Consumer<Browser> prepare, String submitted) {
            this.prepare = prepare;
            this.submitted = submitted;
        }

        Map<String, String> apply(Browser browser, Map<String, String> form) {
            String own = browser.csrf();
            prepare.accept(browser);
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (submitted == null) {
                return fields;
            }
            fields.put(
                    "csrfToken",
                    switch (submitted) {
                        case "x" -> "forged-" + UUID.randomUUID().toString().replace("-", "");
                        case "other" -> new Browser(ItServers.DB).csrf();
                        case "own" -> own;
                        default -> submitted;
                    });
            return fields;
        }
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(Forgery.values()).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void email_sign_in_is_refused_and_no_mail_is_sent(Forgery forgery) {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("csrf-email");
        Map<String, String> form = forgery.apply(browser, Map.of("email", email));
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.post("/api/auth/signin/email", form), "MissingCSRF");
        assertThat(Database.dump()).isEqualTo(before);
        Waits.sleep(Duration.ofMillis(300));
        assertThat(ItServers.mailbox().count(email)).isZero();
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void oidc_sign_in_is_refused_and_no_flow_starts(Forgery forgery) {
        Browser browser = new Browser(ItServers.DB);
        Map<String, String> form = forgery.apply(browser, Map.of());
        JsonObject before = Database.dump();
        Browser.Response refused = browser.post("/api/auth/signin/oidc", form);
        Checks.refusedWith(refused, "MissingCSRF");
        assertThat(refused.setCookies()).noneMatch(c -> c.startsWith("authjs.state="));
        assertThat(Database.dump()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void confirming_a_link_is_refused_and_the_link_stays_usable(Forgery forgery) {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("csrf-confirm");
        browser.requestLink(email, null);
        String link = ItServers.mailbox().awaitSignInLink(email);
        Map<String, String> form = forgery.apply(browser, Forms.query(java.net.URI.create(link)));
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.post("/api/auth/callback/email", form), "MissingCSRF");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();

        Browser owner = new Browser(ItServers.DB);
        assertThat(owner.confirmLink(link).location()).isEqualTo(owner.base());
        assertThat(owner.sessionEmail()).contains(email);
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void sign_out_is_refused_and_the_session_lives(Forgery forgery) {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("csrf-signout");
        browser.signInByEmail(email);
        Map<String, String> form = forgery.apply(browser, Map.of());
        JsonObject before = Database.dump();
        Browser.Response refused = browser.post("/api/auth/signout", form);
        Checks.refusedWith(refused, "MissingCSRF");
        assertThat(refused.setCookies()).noneMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "="));
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.sessionEmail()).contains(email);
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void sign_out_everywhere_else_is_refused(Forgery forgery) {
        String email = Checks.uniqueEmail("csrf-others");
        Browser browser = new Browser(ItServers.DB);
        Browser second = new Browser(ItServers.DB);
        browser.signInByEmail(email);
        second.signInByEmail(email);
        Map<String, String> form = forgery.apply(browser, Map.of());
        JsonObject before = Database.dump();
        Browser.Response refused = browser.post("/test/sign-out-others", form);
        Checks.clean(refused);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("error")).isEqualTo("MissingCSRF");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(second.sessionEmail()).contains(email);
    }

    @Test
    void the_token_in_the_header_works_like_the_form_field() {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("csrf-header"));
        String token = browser.csrf();
        Browser.Response wrongHeader = browser.send("POST", "/api/auth/signout", Map.of("X-CSRF-Token", "nope"));
        Checks.refusedWith(wrongHeader, "MissingCSRF");
        assertThat(browser.session()).containsKey("user");
        Browser.Response out = browser.send("POST", "/api/auth/signout", Map.of("X-CSRF-Token", token));
        assertThat(out.location()).isEqualTo(browser.base());
        assertThat(browser.session()).isEmpty();
    }
}
