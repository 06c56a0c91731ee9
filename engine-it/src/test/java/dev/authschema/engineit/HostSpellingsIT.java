package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On {@code /dev} (development mode, no {@code AUTH_URL}) links are built only for loopback hosts. An attacker tries
 * spellings that some resolver, browser or parser reads as loopback, or that smuggle another host past a sloppy
 * check: a trailing dot, the short and numeric IPv4 forms ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1},
 * octal {@code 0177.0.0.1}), an IPv6 zone id, user info ({@code evil.example@localhost}), port junk, a non-ASCII
 * (IDN) host, and a host with a path. Every one gets 400; nothing is written or mailed. The plain loopback forms
 * ({@code localhost} in any case, {@code [::1]}, {@code 127.0.0.2}) still build links for themselves.
 */
@ExtendWith(ItServers.class)
class HostSpellingsIT {

    private static final int PORT = URI.create(ItServers.serverUrl()).getPort();

    private static Browser.Response signInWithHost(String email, String host) {
        Browser attacker = new Browser(ItServers.DEV);
        String csrf = attacker.csrf();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf);
        form.put("email", email);
        return RawHttp.sendLines(
                "POST",
                ItServers.DEV + "/api/auth/signin/email",
                List.of(
                        "Host: " + host,
                        "Cookie: " + attacker.cookieHeader(),
                        "Content-Type: application/x-www-form-urlencoded"),
                Forms.encode(form));
    }

    @Test
    void loopback_look_alikes_are_refused_and_nothing_is_written_or_sent() {
        String victim = Checks.uniqueEmail("spelling-victim");
        JsonObject before = Database.dump();
        for (String host : List.of(
                "localhost.",
                "localhost.:" + PORT,
                "127.1",
                "127.1:" + PORT,
                "2130706433",
                "0x7f.0.0.1",
                "0177.0.0.1",
                "127.000.000.001",
                "[::1%25lo]:" + PORT,
                "[fe80::1%lo]",
                "evil.example@localhost:" + PORT,
                "localhost:" + PORT + "@evil.example",
                "localhost:" + PORT + "x",
                "localhost:99999",
                "localhost:" + PORT + ":" + PORT,
                "lоcalhost",
                "localhost/evil.example",
                "localhost evil.example",
                "localhost\tevil.example",
                "[::1]evil.example",
                "::1")) {
            Browser.Response response = signInWithHost(victim, host);
            Checks.clean(response);
            assertThat(response.status()).as("Host: %s -> %s", host, response).isEqualTo(400);
            assertThat(response.location()).as("Host: %s", host).isEmpty();
            assertThat(response.body()).as("Host: %s", host).doesNotContain("evil.example");
        }
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count(victim)).isZero();
    }

    @Test
    void plain_loopback_forms_build_links_for_themselves() {
        for (String host : List.of("LocalHost:" + PORT, "[::1]:" + PORT, "127.0.0.2:" + PORT)) {
            String user = Checks.uniqueEmail("spelling-user");
            Browser.Response response = signInWithHost(user, host);
            assertThat(response.status()).as("Host: %s -> %s", host, response).isEqualTo(302);
            String base = "http://" + host.toLowerCase(java.util.Locale.ROOT) + "/dev";
            assertThat(response.headers().get("location"))
                    .as("Host: %s", host)
                    .singleElement()
                    .asString()
                    .startsWith(base + "/api/auth/verify-request");
            assertThat(ItServers.mailbox().awaitSignInLink(user)).startsWith(base + "/api/auth/callback/email?");
        }
    }
}
