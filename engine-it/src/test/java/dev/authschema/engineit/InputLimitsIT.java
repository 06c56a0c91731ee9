package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.ServerLog;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, finding 8: every parameter and body of the engine has a limit (dev.authschema.engine.http.InputLimits),
 * and what is over it, or cannot be decoded, is refused before the engine acts: a 4xx or the error page, one log
 * line and no stack trace, no row written, no mail sent. The attacker is any client: they control the whole request.
 */
@ExtendWith(ItServers.class)
class InputLimitsIT {

    private static Browser.Response refused(Browser.Response response, int status, String reason) {
        Checks.clean(response);
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.body()).as("reason in %s", response).contains(reason);
        WebHardeningIT.noStore(response);
        return response;
    }

    @Test
    void a_callback_url_over_2048_characters_is_refused_not_truncated() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("long-callback");
        String tooLong = "/" + "a".repeat(2048);
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();
        refused(
                browser.post(
                        "/api/auth/signin/email",
                        Map.of("csrfToken", browser.csrf(), "email", email, "callbackUrl", tooLong)),
                400,
                "callbackUrl is longer than 2048 characters");
        log.loggedOnceWithoutStackTrace("refused POST /signin/email: the parameter callbackUrl is longer than 2048");
        refused(
                browser.post("/api/auth/signin/oidc", Map.of("csrfToken", browser.csrf(), "callbackUrl", tooLong)),
                400,
                "callbackUrl");
        refused(
                browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrf(), "callbackUrl", tooLong)),
                400,
                "callbackUrl");
        refused(
                browser.get("/api/auth/callback/email?email=" + email + "&token=x&callbackUrl=" + tooLong),
                400,
                "callbackUrl");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count(email)).isZero();
        assertThat(browser.cookie(Browser.CALLBACK_COOKIE))
                .as("no callback cookie for the long URL")
                .isEmpty();

        // 2048 characters are fine: the limit is where the constant says.
        Browser.Response accepted = browser.requestLink(email, "/" + "a".repeat(2047));
        assertThat(accepted.location()).contains("/verify-request");
        assertThat(ItServers.mailbox().awaitSignInLink(email, 0))
                .as("not truncated")
                .endsWith("%2F" + "a".repeat(2047));
    }

    @Test
    void addresses_over_254_characters_and_ip_domains_get_no_link() {
        Browser browser = new Browser(ItServers.DB);
        JsonObject before = Database.dump();
        String local = "v".repeat(64);
        String[] refusedAddresses = {
            local + "@" + "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(58) + ".test", // 255 characters
            "victim@127.0.0.1",
            "victim@[127.0.0.1]",
            "victim@[IPv6:::1]",
            "victim@\uFF11\uFF12\uFF17.0.0.1"
        }; // full-width 127
        for (String address : refusedAddresses) {
            Checks.refusedWith(
                    browser.post("/api/auth/signin/email", Map.of("csrfToken", browser.csrf(), "email", address)),
                    "EmailSignin");
        }
        refused(
                browser.post(
                        "/api/auth/signin/email",
                        Map.of("csrfToken", browser.csrf(), "email", "v".repeat(321) + "@engine-it.test")),
                400,
                "email is longer than 320 characters");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count("victim@127.0.0.1")).isZero();
        assertThat(ItServers.mailbox().count("victim@[127.0.0.1]")).isZero();
    }

    @Test
    void over_long_tokens_provider_ids_and_csrf_headers_are_refused() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("long-token");
        String token = "t".repeat(129);
        JsonObject before = Database.dump();
        refused(
                browser.get("/api/auth/callback/email?email=" + email + "&token=" + token),
                400,
                "token is longer than 128 characters");
        refused(
                browser.post(
                        "/api/auth/callback/email",
                        Map.of("csrfToken", browser.csrf(), "email", email, "token", token)),
                400,
                "token is longer than 128 characters");
        refused(
                browser.post("/api/auth/signin/" + "p".repeat(65), Map.of("csrfToken", browser.csrf())),
                404,
                "provider id is longer than 64 characters");
        refused(
                browser.send("GET", "/api/auth/session", Map.of("X-CSRF-Token", "x".repeat(129))),
                400,
                "X-CSRF-Token header is longer than 128 characters");
        refused(browser.get("/api/auth/error?error=" + "E".repeat(65)), 400, "error is longer than 64");
        refused(
                browser.get("/api/auth/callback/oidc?code=" + "c".repeat(4097) + "&state=s"),
                400,
                "code is longer than 4096 characters");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void bodies_over_16_kib_unknown_lengths_repeated_and_too_many_parameters_are_refused() throws Exception {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("big-body");
        String csrf = browser.csrf();
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();
        refused(
                browser.postRaw(
                        "/api/auth/signin/email",
                        "application/x-www-form-urlencoded",
                        "csrfToken=" + csrf + "&email=" + email + "&padding=" + "p".repeat(16 * 1024)),
                413,
                "larger than 16384 bytes");
        log.loggedOnceWithoutStackTrace("the body is larger than 16384 bytes");
        refused(
                browser.post(
                        "/api/auth/signin/email",
                        Map.of("csrfToken", csrf, "email", "a".repeat(100_000) + "@engine-it.test")),
                413,
                "larger than 16384 bytes");
        refused(
                browser.postRaw(
                        "/api/auth/signin/email",
                        "application/x-www-form-urlencoded",
                        "csrfToken=" + csrf + "&email=" + email + "&email=victim@engine-it.test"),
                400,
                "email is sent more than once");
        Map<String, String> many = new LinkedHashMap<>(Map.of("csrfToken", csrf, "email", email));
        for (int i = 0; i < 40; i++) {
            many.put("p" + i, "x");
        }
        refused(browser.post("/api/auth/signin/email", many), 400, "more than 32 parameters");

        // A chunked body (no Content-Length) would be read whole before any limit applied.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(browser.base() + "/api/auth/signin/email"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Cookie",
                        Browser.CSRF_COOKIE + "="
                                + browser.cookie(Browser.CSRF_COOKIE).orElseThrow())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        ("csrfToken=" + csrf + "&email=" + email).getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(411);
        assertThat(answer.body()).contains("needs a Content-Length");

        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count(email)).isZero();
        assertThat(ItServers.mailbox().count("victim@engine-it.test")).isZero();
    }

    @Test
    void a_malformed_form_body_is_a_400_with_one_log_line_and_no_stack_trace() {
        Browser browser = new Browser(ItServers.DB);
        String csrf = browser.csrf();
        JsonObject before = Database.dump();
        for (String body : new String[] {
            "csrfToken=" + csrf + "&email=%ZZ",
            "csrfToken=" + csrf + "&email=%E0%A4%A",
            "csrfToken=" + csrf + "&email=%C3%28%40engine-it.test"
        }) {
            ServerLog log = ItServers.serverLog();
            Browser.Response response =
                    browser.postRaw("/api/auth/signin/email", "application/x-www-form-urlencoded", body);
            Checks.clean(response);
            assertThat(response.status()).as("%s: %s", body, response).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Configuration");
            log.loggedOnceWithoutStackTrace("refused POST /signin/email: ");
        }
        ServerLog log = ItServers.serverLog();
        Browser.Response bogus = browser.postRaw(
                "/api/auth/signin/email",
                "application/x-www-form-urlencoded; charset=bogus",
                "csrfToken=" + csrf + "&email=a@engine-it.test");
        Checks.clean(bogus);
        assertThat(bogus.status()).isEqualTo(415);
        log.loggedOnceWithoutStackTrace("unknown charset bogus");
        assertThat(Database.dump()).isEqualTo(before);
    }
}
