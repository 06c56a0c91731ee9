package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code AUTH_TRUST_HOST=true} (the {@code /proxy} deployment, no {@code AUTH_URL}) trusts the proxy's
 * {@code X-Forwarded-Host}. Many proxies append rather than replace: Apache httpd's mod_proxy turns a client's
 * {@code X-Forwarded-Host: evil.example} into {@code evil.example, app.example}, and a proxy that adds a header line
 * puts its own after the client's. Whichever value the engine took first would then be the attacker's, and the
 * victim's sign-in link would point at the attacker's host (issue 12, finding 1, again). Several values, in one line
 * or in several, are refused with 400; nothing is written or mailed.
 */
@ExtendWith(ItServers.class)
class ForwardedHostIT {

    private static final String EVIL = "evil.example";
    private static final String PROXY_HOST = "app.example";
    private static final String REAL_HOST = URI.create(ItServers.serverUrl()).getAuthority();

    /** An attacker's e-mail sign-in for the victim, with their own CSRF pair and these extra header lines. */
    private static Browser.Response signInEmail(String victim, List<String> extraLines) {
        Browser attacker = new Browser(ItServers.PROXY);
        String csrf = attacker.csrf();
        List<String> lines = new ArrayList<>();
        lines.add("Host: " + REAL_HOST);
        lines.addAll(extraLines);
        lines.add("Cookie: " + attacker.cookieHeader());
        lines.add("Content-Type: application/x-www-form-urlencoded");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf);
        form.put("email", victim);
        return RawHttp.sendLines("POST", ItServers.PROXY + "/api/auth/signin/email", lines, Forms.encode(form));
    }

    @Test
    void the_proxys_one_forwarded_host_builds_the_link() {
        String user = Checks.uniqueEmail("proxy-user");
        Browser.Response response = signInEmail(user, List.of("X-Forwarded-Host: " + PROXY_HOST));

        assertThat(response.status()).as("%s", response).isEqualTo(302);
        assertThat(response.location()).startsWith("http://" + PROXY_HOST + "/proxy/api/auth/verify-request");
        assertThat(ItServers.mailbox().awaitSignInLink(user))
                .startsWith("http://" + PROXY_HOST + "/proxy/api/auth/callback/email?");
    }

    @Test
    void a_forwarded_host_with_several_values_is_refused_and_nothing_is_written_or_sent() {
        String victim = Checks.uniqueEmail("proxy-victim");
        JsonObject before = Database.dump();
        for (List<String> lines : List.of(
                // mod_proxy's append to the client's value
                List.of("X-Forwarded-Host: " + EVIL + ", " + PROXY_HOST),
                // a proxy that adds its own header line after the client's
                List.of("X-Forwarded-Host: " + EVIL, "X-Forwarded-Host: " + PROXY_HOST),
                // the same for the scheme: the client's "http" would make links (and cookies) unencrypted
                List.of("X-Forwarded-Host: " + PROXY_HOST, "X-Forwarded-Proto: http, https"),
                List.of("X-Forwarded-Host: " + PROXY_HOST, "X-Forwarded-Proto: http", "X-Forwarded-Proto: https"),
                // no X-Forwarded-Host: a second Host line (RFC 9112 requires a 400)
                List.of("Host: " + EVIL))) {
            Browser.Response response = signInEmail(victim, lines);
            Checks.clean(response);
            assertThat(response.status()).as("%s: %s", lines, response).isEqualTo(400);
            assertThat(response.location()).as("%s", lines).isEmpty();
            assertThat(response.body()).as("%s", lines).doesNotContain(EVIL);
        }
        Checks.serverLogged("several X-Forwarded-Host values");
        Checks.serverLogged("several X-Forwarded-Proto values");
        Checks.serverLogged("several Host values");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count(victim)).isZero();
    }
}
