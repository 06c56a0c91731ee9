package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 4 of issue 12: the OpenID Connect nonce check must not be skippable. The attacker controls the browser's
 * cookies (or the victim's browser lost them): a callback whose {@code authjs.nonce} cookie is missing, tampered
 * with, from another provider's flow, or from another flow of the same provider fails with {@code OAuthCallbackError}
 * and writes nothing.
 */
@ExtendWith(ItServers.class)
class NonceCookieIT {

    private static final String NONCE_COOKIE = "authjs.nonce";

    @Test
    void a_callback_without_the_nonce_cookie_is_refused_before_the_code_is_redeemed() {
        Browser browser = new Browser(ItServers.DB);
        // No identity queued: the refusal comes before the token endpoint.
        String callback = browser.authorizeAt("oidc");
        assertThat(browser.cookie(NONCE_COOKIE)).isPresent();
        browser.removeCookie(NONCE_COOKIE);

        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        Checks.serverLogged("provider oidc: no valid nonce cookie");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.session()).isEmpty();
    }

    @Test
    void a_tampered_nonce_cookie_is_refused() {
        Browser browser = new Browser(ItServers.DB);
        String callback = browser.authorizeAt("oidc");
        String nonce = browser.cookie(NONCE_COOKIE).orElseThrow();
        int middle = nonce.length() / 2;
        browser.setCookie(
                NONCE_COOKIE,
                nonce.substring(0, middle) + (nonce.charAt(middle) == 'A' ? 'B' : 'A') + nonce.substring(middle + 1));

        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.session()).isEmpty();
    }

    @Test
    void the_nonce_cookie_of_another_providers_flow_is_refused() {
        Browser other = new Browser(ItServers.DB);
        other.authorizeAt("trusted");
        String foreign = other.cookie(NONCE_COOKIE).orElseThrow();

        Browser browser = new Browser(ItServers.DB);
        String callback = browser.authorizeAt("oidc");
        browser.setCookie(NONCE_COOKIE, foreign);

        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        Checks.serverLogged("provider oidc: no valid nonce cookie");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.session()).isEmpty();
    }

    @Test
    void the_nonce_cookie_of_another_flow_of_the_same_provider_is_refused() {
        Browser other = new Browser(ItServers.DB);
        other.authorizeAt("oidc");
        String foreign = other.cookie(NONCE_COOKIE).orElseThrow();

        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("foreign-nonce");
        String callback = browser.authorizeAt("oidc");
        browser.setCookie(NONCE_COOKIE, foreign);
        // This one reaches the token endpoint: the ID token carries this flow's nonce, the cookie the other's.
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), email);

        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        Checks.serverLogged("ID token rejected: Unexpected JWT nonce (nonce) claim");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)).isEmpty();
        assertThat(browser.session()).isEmpty();
    }
}
