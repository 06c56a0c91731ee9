package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 1 of issue 12: an attacker asks for a sign-in link for the victim's address, with their own CSRF pair, and
 * a request that names their own host ({@code Host}, Liberty's private {@code $WS*} headers, {@code X-Forwarded-*}).
 * The mailed link, and every redirect, must point at the configured {@code AUTH_URL}, never at the attacker's host
 * (else the victim's click hands the token to the attacker). On {@code /dev} (development mode, no {@code AUTH_URL})
 * a non-loopback host is refused with 400 and nothing is written or sent. Raw sockets, as Java's HttpClient will
 * not send a {@code Host} of our choosing.
 */
@ExtendWith(ItServers.class)
class HostHeaderIT {

    private static final String EVIL = "evil.example";

    /** The server's own authority, as an honest browser sends it. */
    private static final String REAL_HOST = URI.create(ItServers.serverUrl()).getAuthority();

    private static Browser.Response signInEmail(
            String context, String email, String callbackUrl, Map<String, String> hostHeaders) {
        Browser attacker = new Browser(context);
        String csrf = attacker.csrf();
        Map<String, String> headers = new LinkedHashMap<>(hostHeaders);
        headers.putIfAbsent("Host", REAL_HOST);
        headers.put("Cookie", attacker.cookieHeader());
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf);
        form.put("email", email);
        if (callbackUrl != null) {
            form.put("callbackUrl", callbackUrl);
        }
        return RawHttp.send("POST", context + "/api/auth/signin/email", headers, Forms.encode(form));
    }

    private static void linkAndRedirectUseAuthUrl(Map<String, String> hostHeaders) {
        String victim = Checks.uniqueEmail("host-victim");
        Browser.Response response = signInEmail(ItServers.DB, victim, "http://" + EVIL + "/phish", hostHeaders);

        Checks.clean(response);
        assertThat(response.status()).as("%s", response).isEqualTo(302);
        assertThat(response.location())
                .isEqualTo(ItServers.serverUrl() + "/db/api/auth/verify-request?provider=email&type=email");
        String link = ItServers.mailbox().awaitSignInLink(victim);
        assertThat(link)
                .startsWith(ItServers.serverUrl() + "/db/api/auth/callback/email?")
                .doesNotContain(EVIL);
        assertThat(Forms.query(URI.create(link))).containsEntry("callbackUrl", ItServers.serverUrl() + "/db");
    }

    @Test
    void a_foreign_host_header_does_not_reach_the_mailed_link() {
        linkAndRedirectUseAuthUrl(Map.of("Host", EVIL));
        linkAndRedirectUseAuthUrl(Map.of("Host", EVIL + ":443"));
    }

    @Test
    void libertys_private_headers_do_not_reach_the_mailed_link() {
        linkAndRedirectUseAuthUrl(Map.of("$WSSN", EVIL, "$WSSP", "443", "$WSSC", "https", "$WSIS", "true"));
        linkAndRedirectUseAuthUrl(Map.of("Host", EVIL, "$WSSN", EVIL, "$WSSC", "https"));
    }

    @Test
    void forwarded_headers_do_not_reach_the_mailed_link() {
        linkAndRedirectUseAuthUrl(Map.of(
                "X-Forwarded-Host",
                EVIL,
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Port",
                "443",
                "Forwarded",
                "host=" + EVIL + ";proto=https"));
    }

    @Test
    void the_o_auth_redirect_uri_and_the_error_redirect_use_auth_url() {
        Map<String, String> evil = Map.of("Host", EVIL, "$WSSN", EVIL, "X-Forwarded-Host", EVIL);
        Browser attacker = new Browser(ItServers.DB);
        String csrf = attacker.csrf();
        Map<String, String> headers = new LinkedHashMap<>(evil);
        headers.put("Cookie", attacker.cookieHeader());
        headers.put("Content-Type", "application/x-www-form-urlencoded");

        JsonObject before = Database.dump();
        Browser.Response oauth =
                RawHttp.send("POST", "/db/api/auth/signin/oidc", headers, Forms.encode(Map.of("csrfToken", csrf)));
        assertThat(oauth.status()).as("%s", oauth).isEqualTo(302);
        assertThat(Forms.query(URI.create(oauth.location())))
                .containsEntry("redirect_uri", ItServers.serverUrl() + "/db/api/auth/callback/oidc");
        assertThat(oauth.location()).startsWith(ItServers.oidc().issuerUrl(ItServers.ENGINE_ISSUER));

        Browser.Response refused = RawHttp.send(
                "POST",
                "/db/api/auth/signin/email",
                headers,
                Forms.encode(Map.of("csrfToken", "forged", "email", Checks.uniqueEmail("host"))));
        Checks.refusedWith(refused, "MissingCSRF");
        assertThat(refused.location()).doesNotContain(EVIL);

        Map<String, String> get = new LinkedHashMap<>(evil);
        Browser.Response providers = RawHttp.send("GET", "/db/api/auth/providers", get, null);
        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.body())
                .contains(ItServers.serverUrl() + "/db/api/auth/callback/oidc")
                .doesNotContain(EVIL);
        assertThat(Database.dump()).as("nothing but the flow cookies").isEqualTo(before);
    }

    @Test
    void in_development_a_foreign_host_is_refused_with400_and_nothing_is_written_or_sent() {
        String victim = Checks.uniqueEmail("dev-victim");
        JsonObject before = Database.dump();

        for (Map<String, String> evil : java.util.List.of(
                Map.of("Host", EVIL), Map.of("Host", "10.0.0.7:27080"), Map.of("Host", "localhost.evil.example"))) {
            Browser.Response response = signInEmail(ItServers.DEV, victim, null, evil);
            Checks.clean(response);
            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.location()).isEmpty();
            assertThat(response.body()).doesNotContain(EVIL);
        }
        Checks.serverLogged("development mode without AUTH_URL builds links only for loopback hosts");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count(victim)).isZero();
    }

    @Test
    void in_development_loopback_hosts_work_and_forwarded_headers_are_ignored() {
        String user = Checks.uniqueEmail("dev-user");
        Browser.Response response = signInEmail(
                ItServers.DEV,
                user,
                null,
                Map.of(
                        "Host",
                        "localhost:" + URI.create(ItServers.serverUrl()).getPort(),
                        "X-Forwarded-Host",
                        EVIL,
                        "$WSSN",
                        EVIL));

        assertThat(response.status()).as("%s", response).isEqualTo(302);
        String devBase = "http://localhost:" + URI.create(ItServers.serverUrl()).getPort() + "/dev";
        assertThat(response.location()).startsWith(devBase + "/api/auth/verify-request");
        assertThat(ItServers.mailbox().awaitSignInLink(user)).startsWith(devBase + "/api/auth/callback/email?");
    }
}
