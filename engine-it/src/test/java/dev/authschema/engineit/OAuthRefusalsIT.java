package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OpenID Connect callbacks that must not sign anybody in: a wrong state, a flow started in another browser, a
 * replayed authorization code, an ID token with the wrong nonce or from another issuer, and the provider's own error.
 * Each is refused with {@code OAuthCallbackError} (or {@code AccessDenied}) and writes nothing.
 */
@ExtendWith(ItServers.class)
class OAuthRefusalsIT {

    @Test
    void a_callback_with_a_wrong_state_is_refused() {
        Browser browser = new Browser(ItServers.DB);
        // No identity is queued at the provider: the refused callbacks here never reach its token endpoint, and a
        // queued one would be handed to the next test's sign-in.
        String callback = browser.authorizeAt("oidc");
        String forged = callback.replaceFirst("state=[^&]+", "state=forged-state");
        assertThat(forged).isNotEqualTo(callback);

        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(forged), "OAuthCallbackError");
        Checks.serverLogged("provider oidc: state mismatch");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.session()).isEmpty();
    }

    @Test
    void a_callback_in_a_browser_that_did_not_start_the_flow_is_refused() {
        Browser victim = new Browser(ItServers.DB);
        Browser attacker = new Browser(ItServers.DB);
        String callback = attacker.authorizeAt("oidc");

        JsonObject before = Database.dump();
        Checks.refusedWith(victim.get(callback), "OAuthCallbackError");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(victim.session()).isEmpty();
    }

    @Test
    void a_replayed_authorization_code_is_refused_even_with_the_flow_cookies() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("replay");
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), email);
        Map<String, String> flowCookies = browser.cookies();
        assertThat(browser.get(callback).location()).isEqualTo(browser.base());
        assertThat(browser.sessionEmail()).contains(email);
        String session = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();

        // The same browser again: its flow cookies were cleared by the first callback.
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).contains(session);

        // Someone who copied the URL and the flow cookies: the provider has already redeemed the code (it answers
        // a second redemption without the nonce, which the engine refuses).
        Browser thief = new Browser(ItServers.DB);
        flowCookies.forEach(thief::setCookie);
        Checks.refusedWith(thief.get(callback), "OAuthCallbackError");
        Checks.serverLogged("provider oidc: token endpoint refused the code: invalid_grant");
        assertThat(thief.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void an_id_token_with_another_nonce_is_refused() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("nonce");
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc()
                .nextSignIn(
                        ItServers.ENGINE_ISSUER,
                        "sub-" + UUID.randomUUID(),
                        email,
                        Map.of("nonce", "a-nonce-from-another-flow"));
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        Checks.serverLogged("ID token rejected: Unexpected JWT nonce (nonce) claim: a-nonce-from-another-flow");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)).isEmpty();
        assertThat(browser.session()).isEmpty();
    }

    @Test
    void an_id_token_from_another_issuer_is_refused() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("issuer");
        // Signed with the right key, but naming the issuer of the other provider on the same server.
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc()
                .nextSignIn(
                        ItServers.ENGINE_ISSUER,
                        "sub-" + UUID.randomUUID(),
                        email,
                        Map.of("iss", ItServers.oidc().issuerUrl(ItServers.TRUSTED_ISSUER)));
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        Checks.serverLogged(
                "ID token rejected: Unexpected JWT issuer: " + ItServers.oidc().issuerUrl(ItServers.TRUSTED_ISSUER));
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)).isEmpty();
    }

    @Test
    void an_id_token_for_another_client_is_refused() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("audience");
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc()
                .nextSignIn(
                        ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), email, Map.of("aud", "some-other-client"));
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get(callback), "OAuthCallbackError");
        Checks.serverLogged("ID token rejected: Unexpected JWT audience");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void the_providers_error_answer_is_access_denied() {
        Browser browser = new Browser(ItServers.DB);
        String callback = browser.authorizeAt("oidc");
        String state = Forms.query(URI.create(callback)).get("state");
        JsonObject before = Database.dump();
        Checks.refusedWith(browser.get("/api/auth/callback/oidc?error=access_denied&state=" + state), "AccessDenied");
        Checks.refusedWith(browser.get("/api/auth/callback/oidc"), "OAuthCallbackError");
        Checks.refusedWith(browser.get("/api/auth/callback/oidc?code=made-up&state=made-up"), "OAuthCallbackError");
        assertThat(Database.dump()).isEqualTo(before);
    }
}
