package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.encryption.TokenCipher;
import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider tokens stored on accounts, on two nodes sharing the database, with a provider that rotates refresh
 * tokens and with the tokens encrypted at rest ({@code AUTH_ENCRYPT_ACCOUNT_TOKENS=true} in
 * {@code settings/cluster.env}): the IT app's {@code /it/access-token} calls {@code AuthService.accessToken}.
 */
@Order(1)
@ExtendWith(Cluster.class)
class AccountTokensAcrossNodesIT {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\\{\"accessToken\":\"([^\"]+)\"}");
    private static final int REQUESTS = 20;

    /** One stored account row, the tokens decrypted. */
    private record Row(
            String accessToken,
            String refreshToken,
            String idToken,
            Long expiresAt,
            String storedAccessToken,
            String storedRefreshToken,
            String storedIdToken) {}

    @Test
    void an_expired_token_is_refreshed_once_while_twenty_requests_on_both_nodes_ask_for_it() throws Exception {
        String subject = "rae-" + UUID.randomUUID();
        String session = signInWithProvider(Cluster.a(), subject);
        Row signedIn = row(subject);
        expire(subject);
        Cluster.oidcProvider().takeTokenRequests("refresh_token");

        List<HttpResponse<String>> answers =
                concurrently(REQUESTS, i -> accessToken(i % 2 == 0 ? Cluster.a() : Cluster.b(), session));

        assertThat(Cluster.oidcProvider().takeTokenRequests("refresh_token"))
                .as("refresh requests that reached the provider")
                .isEqualTo(1);
        Row refreshed = row(subject);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(token(answer)).isEqualTo(refreshed.accessToken());
        });
        assertThat(refreshed.accessToken()).isNotEqualTo(signedIn.accessToken());
        assertThat(refreshed.refreshToken())
                .as("the rotated refresh token")
                .isNotNull()
                .isNotEqualTo(signedIn.refreshToken());
        assertThat(refreshed.expiresAt()).isGreaterThan(Instant.now().getEpochSecond() + 600);
    }

    @Test
    void a_second_sign_in_stores_the_new_tokens() throws Exception {
        String subject = "sam-" + UUID.randomUUID();
        signInWithProvider(Cluster.a(), subject);
        Row first = row(subject);

        String second = signInWithProvider(Cluster.b(), subject);

        Row again = row(subject);
        assertThat(again.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(again.idToken()).isNotEqualTo(first.idToken());
        assertThat(again.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
        assertThat(token(accessToken(Cluster.a(), second))).isEqualTo(again.accessToken());
    }

    @Test
    void a_refused_refresh_is_reported_and_the_user_stays_signed_in() throws Exception {
        String subject = "rex-" + UUID.randomUUID();
        String email = subject + "@cluster.test";
        String session = signInWithProvider(Cluster.b(), subject);
        expire(subject);
        setStoredRefreshToken(subject, cipher().encrypt("revoked-" + subject, place(subject, "refresh_token")));
        Row revoked = row(subject);

        HttpResponse<String> onA = accessToken(Cluster.a(), session);
        HttpResponse<String> onB = accessToken(Cluster.b(), session);

        for (HttpResponse<String> answer : List.of(onA, onB)) {
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.body()).isEqualTo("{\"error\":\"RefreshAccessTokenError\",\"reason\":\"REFUSED\"}");
        }
        assertThat(row(subject)).as("the account row, unchanged").isEqualTo(revoked);
        assertThat(Cluster.isSignedIn(Cluster.a(), session, email)).isTrue();
        assertThat(Cluster.isSignedIn(Cluster.b(), session, email)).isTrue();
    }

    @Test
    void the_database_holds_only_ciphertext_that_a_signed_out_caller_cannot_get_through_the_servlet() throws Exception {
        String subject = "eve-" + UUID.randomUUID();
        signInWithProvider(Cluster.a(), subject);

        Row row = row(subject);
        for (String stored : List.of(row.storedAccessToken(), row.storedRefreshToken(), row.storedIdToken())) {
            assertThat(stored).startsWith(TokenCipher.PREFIX);
        }
        assertThat(row.storedAccessToken()).doesNotContain(row.accessToken());
        assertThat(row.accessToken()).as("decrypted with the servers' secret").startsWith("eyJ");
        HttpResponse<String> signedOut = Cluster.page(Cluster.a(), "/it/access-token?provider=demo", "forged");
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(signedOut.body()).doesNotContain(row.accessToken());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** An OIDC sign-in with the demo provider, entirely on one node; returns the session token. */
    private static String signInWithProvider(LibertyNode node, String subject) {
        Cluster.oidc().nextSignIn(subject, subject + "@cluster.test", "User " + subject);
        WebClient client = new WebClient();
        HtmlPage landed = client.submit(
                client.get(node.url() + "/signin.xhtml"), "oauth-form", "oauth-form:signin-demo", Map.of());
        if (landed.uri().toString().contains("error=OAuthSignin")) {
            // The node's first discovery of the provider can exceed its 10 s timeout on a loaded 2-core machine.
            // Nothing reached the token endpoint, so the queued identity is still the next one: try once more.
            System.out.println("sign-in on " + node.url() + " ended in OAuthSignin (discovery); trying again");
            landed = client.submit(
                    client.get(node.url() + "/signin.xhtml"), "oauth-form", "oauth-form:signin-demo", Map.of());
        }
        assertThat(landed.path()).as("where the sign-in ended: %s", landed).isEqualTo("/account.xhtml");
        return client.requireCookie(Cluster.SESSION_COOKIE);
    }

    private static HttpResponse<String> accessToken(LibertyNode node, String session)
            throws IOException, InterruptedException {
        return Cluster.page(node, "/it/access-token?provider=demo", session);
    }

    private static String token(HttpResponse<String> answer) {
        Matcher matcher = ACCESS_TOKEN.matcher(answer.body());
        assertThat(matcher.matches()).as(answer.body()).isTrue();
        return matcher.group(1);
    }

    private static Row row(String subject) throws SQLException {
        try (Connection connection = Cluster.database().connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT access_token, refresh_token, id_token,"
                                + " expires_at FROM demo_linked_accounts WHERE provider = 'demo' AND provider_account_id = ?")) {
            select.setString(1, subject);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("account row").isTrue();
                TokenCipher cipher = cipher();
                String access = rows.getString(1);
                String refresh = rows.getString(2);
                String id = rows.getString(3);
                return new Row(
                        cipher.decrypt(access, place(subject, "access_token")).orElse(null),
                        cipher.decrypt(refresh, place(subject, "refresh_token")).orElse(null),
                        cipher.decrypt(id, place(subject, "id_token")).orElse(null),
                        rows.getObject(4) == null ? null : rows.getLong(4),
                        access,
                        refresh,
                        id);
            }
        }
    }

    private static void expire(String subject) throws SQLException {
        update(subject, "expires_at", Instant.now().getEpochSecond() - 60);
    }

    private static void setStoredRefreshToken(String subject, String value) throws SQLException {
        update(subject, "refresh_token", value);
    }

    private static void update(String subject, String column, Object value) throws SQLException {
        try (Connection connection = Cluster.database().connect();
                PreparedStatement update = connection.prepareStatement("UPDATE demo_linked_accounts SET " + column
                        + " = ? WHERE provider = 'demo' AND provider_account_id = ?")) {
            update.setObject(1, value);
            update.setString(2, subject);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** The servers' cipher: the AUTH_SECRET the build wrote into their settings. */
    private static TokenCipher cipher() {
        Path settings = Path.of(System.getProperty("cluster.settings", "target/it-settings/cluster.env"));
        try {
            String secret = Files.readAllLines(settings).stream()
                    .filter(line -> line.startsWith("AUTH_SECRET="))
                    .map(line -> line.substring("AUTH_SECRET=".length()))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            return new TokenCipher(List.of(secret));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + settings, e);
        }
    }

    private static String place(String subject, String column) {
        return "demo\u0000" + subject + "\u0000" + column;
    }

    private interface Call<T> {
        T call(int index) throws Exception;
    }

    /** Runs the calls at the same instant, each on its own thread. */
    private static <T> List<T> concurrently(int count, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
