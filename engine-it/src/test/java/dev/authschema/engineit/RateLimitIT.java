package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Waits;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate limits: sign-in e-mails per recipient address (the default, 3 per 10 minutes) and per client, and every
 * {@code /api/auth/*} POST per client. The engine-it server raises the two per-client limits in server.env
 * ({@value #POSTS_PER_CLIENT} POSTs per minute, {@value #MAILS_PER_CLIENT} sign-in e-mails per 10 minutes) because
 * every other test comes from 127.0.0.1; each test here connects from a loopback address of its own
 * ({@link LoopbackClient}), so its counts start at zero and it disturbs nobody.
 */
@ExtendWith(ItServers.class)
class RateLimitIT {

    /** {@code AUTH_RATE_LIMIT_POST} in src/test/liberty/server.env. */
    static final int POSTS_PER_CLIENT = 1000;
    /** {@code AUTH_RATE_LIMIT_EMAIL_CLIENT} in src/test/liberty/server.env. */
    static final int MAILS_PER_CLIENT = 300;
    /** The default per-address limit, which the server keeps. */
    static final int MAILS_PER_ADDRESS = 3;

    @Test
    void a_fourth_sign_in_mail_to_one_address_is_refused_with429_until_the_window_ends() {
        String email = Checks.uniqueEmail("flooded");
        LoopbackClient attacker = new LoopbackClient("127.0.0.21", ItServers.DB);
        for (int i = 0; i < MAILS_PER_ADDRESS; i++) {
            Browser.Response sent = attacker.requestLink(email);
            assertThat(sent.status()).as("%s", sent).isEqualTo(302);
            assertThat(sent.location()).contains("/api/auth/verify-request");
        }
        awaitMails(email, MAILS_PER_ADDRESS);
        JsonObject before = Database.dump();
        assertThat(Database.rowsWhere(before, "VERIFICATION_TOKENS", "IDENTIFIER", email))
                .hasSize(MAILS_PER_ADDRESS);

        Browser.Response refused = attacker.requestLink(email);
        Checks.clean(refused);
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().get("retry-after").get(0));
        assertThat(retryAfter).isBetween(1L, 600L);
        assertThat(refused.body()).contains("Too many attempts").contains("RateLimited");
        Checks.serverLogged("rate limit 'email-address' reached");

        // Another client, another spelling of the address, an API client: the address's limit holds for each.
        LoopbackClient elsewhere = new LoopbackClient("127.0.0.22", ItServers.DB);
        Browser.Response api = elsewhere.post(
                "/api/auth/signin/email",
                Map.of("csrfToken", elsewhere.csrf(), "email", " " + email.toUpperCase() + " "),
                Map.of("X-Auth-Return-Redirect", "1"));
        assertThat(api.status()).as("%s", api).isEqualTo(429);
        assertThat(api.headers()).containsKey("retry-after");
        assertThat(api.json().getString("error")).isEqualTo("RateLimited");

        Waits.sleep(Duration.ofMillis(1000)); // a mail sent by mistake would have arrived by now
        assertThat(ItServers.mailbox().count(email)).isEqualTo(MAILS_PER_ADDRESS);
        assertThat(Database.dump()).isEqualTo(before);
        // The counters are in the database (the built-in schema's RateLimit model), with hashed keys only.
        assertThat(Database.rateLimits())
                .isNotEmpty()
                .anySatisfy(row -> assertThat(row.getString("key")).startsWith("email-address:"))
                .allSatisfy(row -> assertThat(row.getString("key")).matches("[a-z-]+:[0-9a-f]{64}"));

        // Never locked out for good: once the window has passed, the owner gets a link again, and it works.
        Checks.advanceClock(ItServers.DB, Duration.ofSeconds(retryAfter));
        Browser owner = new Browser(ItServers.DB);
        assertThat(owner.requestLink(email, null).location()).contains("/api/auth/verify-request");
        String link = ItServers.mailbox().awaitSignInLink(email, MAILS_PER_ADDRESS);
        owner.confirmLink(link);
        assertThat(owner.sessionEmail()).contains(email);
    }

    @Test
    void one_client_gets_only_its_share_of_sign_in_mails_whatever_the_addresses() {
        LoopbackClient spammer = new LoopbackClient("127.0.0.31", ItServers.DB);
        String token = spammer.csrf();
        JsonObject before = Database.dump();
        // Malformed addresses get no mail but count against the client all the same.
        for (int i = 0; i < MAILS_PER_CLIENT; i++) {
            Browser.Response refused =
                    spammer.post("/api/auth/signin/email", Map.of("csrfToken", token, "email", "not-an-address-" + i));
            assertThat(refused.status()).as("request %d: %s", i, refused).isEqualTo(302);
            assertThat(refused.location()).contains("error=EmailSignin");
        }
        String email = Checks.uniqueEmail("spammed");
        Browser.Response refused = spammer.post("/api/auth/signin/email", Map.of("csrfToken", token, "email", email));
        Checks.clean(refused);
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after").get(0))).isBetween(1L, 600L);
        Checks.serverLogged("rate limit 'email-client' reached");
        Waits.sleep(Duration.ofMillis(1000));
        assertThat(ItServers.mailbox().count(email)).isZero();
        assertThat(Database.dump()).isEqualTo(before);

        // Another client is not affected.
        LoopbackClient neighbour = new LoopbackClient("127.0.0.32", ItServers.DB);
        assertThat(neighbour.requestLink(email).location()).contains("/api/auth/verify-request");
        awaitMails(email, 1);
    }

    @Test
    void every_post_is_limited_per_client_exactly_and_the_limit_ends() throws Exception {
        JsonObject before = Database.dump();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<int[]>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    LoopbackClient client = new LoopbackClient("127.0.0.41", ItServers.DB);
                    int[] statuses = new int[2];
                    for (int i = 0; i < POSTS_PER_CLIENT / threads + 5; i++) {
                        Browser.Response response = client.post("/api/auth/signout", Map.of());
                        statuses[response.status() == 429 ? 1 : 0]++;
                    }
                    return statuses;
                }));
            }
            int allowed = 0;
            int limited = 0;
            for (Future<int[]> result : results) {
                allowed += result.get()[0];
                limited += result.get()[1];
            }
            assertThat(allowed).as("POSTs let through").isEqualTo(POSTS_PER_CLIENT);
            assertThat(limited).as("POSTs refused").isEqualTo(threads * 5);
        } finally {
            pool.shutdownNow();
        }

        LoopbackClient client = new LoopbackClient("127.0.0.41", ItServers.DB);
        Browser.Response json = client.post(
                "/api/auth/signin/email", Map.of("email", "x@engine-it.test"), Map.of("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(429);
        assertThat(json.json().getString("error")).isEqualTo("RateLimited");
        long retryAfter = Long.parseLong(json.headers().get("retry-after").get(0));
        assertThat(retryAfter).isBetween(1L, 60L);
        Browser.Response page = client.post("/api/auth/signout", Map.of());
        Checks.clean(page);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.headers().get("content-type").get(0)).startsWith("text/html");
        assertThat(page.body()).contains("Too many attempts");
        Checks.serverLogged("rate limit 'post' reached");

        // OAuth callbacks count like POSTs (each one would make the server call the provider's token endpoint).
        Browser.Response callback = client.get("/api/auth/callback/oidc?code=replayed&state=replayed");
        Checks.clean(callback);
        assertThat(callback.status()).as("an OAuth callback over the limit").isEqualTo(429);

        // Other GETs are not limited, other clients are not affected, and nothing was written.
        assertThat(client.get("/api/auth/session").status()).isEqualTo(200);
        LoopbackClient other = new LoopbackClient("127.0.0.42", ItServers.DB);
        Browser.Response allowed = other.post("/api/auth/signout", Map.of());
        Checks.refusedWith(allowed, "MissingCSRF");
        assertThat(Database.dump()).isEqualTo(before);

        Checks.advanceClock(ItServers.DB, Duration.ofSeconds(retryAfter));
        Checks.refusedWith(client.post("/api/auth/signout", Map.of()), "MissingCSRF");
    }

    private static void awaitMails(String email, int count) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (ItServers.mailbox().count(email) < count) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + ItServers.mailbox().count(email) + " of " + count
                        + " sign-in e-mails to " + email + " arrived");
            }
            Waits.sleep(Duration.ofMillis(100));
        }
    }
}
