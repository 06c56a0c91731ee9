package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.SoftPasskey;
import dev.authschema.testsupport.WebClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's passkeys over HTTP, with a Java authenticator ({@link SoftPasskey}; the browser tests of the ceremony
 * itself are engine-it's {@code PasskeyBrowserIT}, since a browser refuses the IP address this server's
 * {@code AUTH_URL} names as RP ID): a member adds a passkey, the account page lists it and removes it, and a removed
 * passkey no longer signs in. Sign-up with a passkey alone is off in the demo by default.
 */
@ExtendWith(DemoEnvironment.class)
class PasskeyAccountIT {

    private static final String PASSKEYS = "demo_passkeys";

    /**
     * Not on Payara yet: Payara's own, older Jackson annotations shadow the ones webauthn4j's Jackson needs, and the
     * first registration fails with a NoSuchMethodError (neither {@code <class-loader delegate="false"/>} nor a
     * whitelist fixed it without breaking the rest of the demo). Listed in SECURITY.md's known limits.
     */
    @BeforeAll
    static void not_on_payara() {
        assumeFalse(
                "payara".equals(System.getProperty("demo.server")),
                "passkeys on Payara: its Jackson annotations shadow webauthn4j's (known limit)");
    }

    @Test
    void a_member_adds_a_passkey_signs_in_with_it_and_removes_it_on_the_account_page() {
        String origin = DemoEnvironment.baseUrl();
        WebClient member = DemoEnvironment.client();
        DemoFlows.signInByEmail(member, DemoEnvironment.uniqueEmail("passkey-member"));
        SoftPasskey passkey = new SoftPasskey(0);
        String options = options(member, "register");
        HtmlPage added = member.forge(
                "POST",
                "/api/auth/callback/passkey",
                Map.of(),
                Map.of(
                        "action",
                        "register",
                        "data",
                        passkey.create(
                                value(options, "challenge"),
                                value(options, "rp\":{\"id"),
                                value(options, "user\":{\"id"),
                                origin),
                        "csrfToken",
                        csrf(member),
                        "callbackUrl",
                        "/account.xhtml?notice=PASSKEY_ADDED"));
        assertThat(added.location()).as("%s", added.body()).contains("notice=PASSKEY_ADDED");
        assertThat(DemoDatabase.snapshot().get(PASSKEYS)).hasSize(1);

        HtmlPage account = member.get("/account.xhtml?notice=PASSKEY_ADDED");
        assertThat(account.text("notice")).contains("The passkey was added");
        assertThat(account.has("passkeys-form:passkeys:0:remove")).isTrue();

        WebClient elsewhere = DemoEnvironment.client();
        assertThat(signIn(elsewhere, passkey).location()).doesNotContain("error=");
        assertThat(elsewhere.get("/account.xhtml").has("account-title")).isTrue();

        HtmlPage removed = member.submit(account, "passkeys-form", "passkeys-form:passkeys:0:remove", Map.of());
        assertThat(removed.text("notice")).contains("The passkey was removed");
        assertThat(removed.has("passkeys-form:passkeys:0:remove")).isFalse();
        assertThat(DemoDatabase.snapshot().get(PASSKEYS)).isEmpty();

        WebClient later = DemoEnvironment.client();
        Map<String, List<String>> before = DemoDatabase.snapshot();
        assertThat(signIn(later, passkey).location()).contains("error=WebAuthnVerificationError");
        assertThat(later.cookie("authjs.session-token")).isNull();
        assertThat(DemoDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void sign_up_with_a_passkey_alone_is_off_by_default() {
        WebClient stranger = DemoEnvironment.client();
        Map<String, List<String>> before = DemoDatabase.snapshot();
        HtmlPage refused =
                stranger.forge("GET", "/api/auth/webauthn-options/passkey", Map.of("action", "register"), null);
        assertThat(refused.body()).contains("\"SessionRequired\"");
        assertThat(stranger.cookie("authjs.challenge")).isNull();
        assertThat(DemoDatabase.snapshot()).isEqualTo(before);
    }

    private static HtmlPage signIn(WebClient client, SoftPasskey passkey) {
        String options = options(client, "authenticate");
        String data = passkey.get(value(options, "challenge"), value(options, "rpId"), DemoEnvironment.baseUrl());
        return client.forge(
                "POST",
                "/api/auth/callback/passkey",
                Map.of(),
                Map.of(
                        "action",
                        "authenticate",
                        "data",
                        data,
                        "csrfToken",
                        csrf(client),
                        "callbackUrl",
                        "/account.xhtml"));
    }

    private static String options(WebClient client, String action) {
        HtmlPage answer = client.forge("GET", "/api/auth/webauthn-options/passkey", Map.of("action", action), null);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static String csrf(WebClient client) {
        return value(client.forge("GET", "/api/auth/csrf", Map.of(), null).body(), "csrfToken");
    }

    /** A string value from the engine's compact JSON, found by the text before it. */
    private static String value(String json, String key) {
        Matcher matcher = Pattern.compile(Pattern.quote("\"" + key + "\":\"") + "([^\"]+)\"")
                .matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + key + " in " + json);
        }
        return matcher.group(1);
    }
}
