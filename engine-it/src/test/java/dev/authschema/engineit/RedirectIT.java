package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A {@code callbackUrl} to another origin is never followed: every flow lands on the app's own base URL. */
@ExtendWith(ItServers.class)
class RedirectIT {

    static final List<String> FOREIGN = List.of(
            "https://evil.example/steal",
            "//evil.example/steal",
            "/\\evil.example/steal",
            "javascript:alert(1)",
            "http://127.0.0.1:27080.evil.example/",
            "http://127.0.0.1:27081/db",
            "https://127.0.0.1:27080/db");

    @Test
    void email_sign_in_rewrites_a_foreign_callback_url_in_the_link_and_on_confirmation() {
        for (String target : FOREIGN) {
            Browser browser = new Browser(ItServers.DB);
            String email = Checks.uniqueEmail("redirect");
            Checks.clean(browser.requestLink(email, target));
            String link = ItServers.mailbox().awaitSignInLink(email);
            assertThat(Forms.query(URI.create(link)).get("callbackUrl"))
                    .as(target)
                    .isEqualTo(browser.base());

            // A link an attacker edited: the confirmation still goes home.
            Map<String, String> form = new java.util.LinkedHashMap<>(Forms.query(URI.create(link)));
            form.put("callbackUrl", target);
            form.put("csrfToken", browser.csrf());
            Browser.Response confirmed = browser.post("/api/auth/callback/email", form);
            Checks.clean(confirmed);
            assertThat(confirmed.location()).as(target).isEqualTo(browser.base());
            assertThat(browser.sessionEmail()).contains(email);
        }
    }

    @Test
    void oidc_sign_in_ignores_a_foreign_callback_url_and_a_forged_callback_cookie() {
        Browser browser = new Browser(ItServers.DB);
        Browser.Response started = browser.post(
                "/api/auth/signin/oidc",
                Map.of("csrfToken", browser.csrf(), "callbackUrl", "https://evil.example/steal"));
        assertThat(started.status()).isEqualTo(302);
        String callback = Browser.getElsewhere(started.location()).location();
        ItServers.oidc()
                .nextSignIn(ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), Checks.uniqueEmail("redirect-oidc"));
        browser.setCookie(Browser.CALLBACK_COOKIE, "https%3A%2F%2Fevil.example%2Fsteal");
        Browser.Response done = browser.get(callback);
        Checks.clean(done);
        assertThat(done.location()).isEqualTo(browser.base());
    }

    @Test
    void sign_out_ignores_a_foreign_callback_url_and_keeps_a_same_origin_one() {
        for (String target : FOREIGN) {
            Browser browser = new Browser(ItServers.DB);
            Browser.Response out =
                    browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrf(), "callbackUrl", target));
            Checks.clean(out);
            assertThat(out.location()).as(target).isEqualTo(browser.base());
        }
        Browser browser = new Browser(ItServers.DB);
        assertThat(browser.post(
                                "/api/auth/signout",
                                Map.of(
                                        "csrfToken",
                                        browser.csrf(),
                                        "callbackUrl",
                                        ItServers.serverUrl() + "/db/home?x=1"))
                        .location())
                .isEqualTo(ItServers.serverUrl() + "/db/home?x=1");
    }
}
