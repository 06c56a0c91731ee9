package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.Waits;
import dev.authschema.testsupport.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate limits are counted in the shared database (the demo schema has the RateLimit model), so they hold across
 * the nodes: three sign-in e-mails to one address (the default per-address limit), asked for on A, B and A, and the
 * fourth is refused on B through the demo's form and on A through the API, with no mail and no token written.
 */
@Order(1)
@ExtendWith(Cluster.class)
class RateLimitAcrossNodesIT {

    private static final int MAILS_PER_ADDRESS = 3;
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_sign_in_mail_limit_per_address_holds_across_both_nodes() throws Exception {
        String email = Cluster.uniqueEmail("flooded");
        for (LibertyNode node : List.of(Cluster.a(), Cluster.b(), Cluster.a())) {
            Cluster.requestLink(new WebClient(), node, email); // each lands on check-email.xhtml and gets its mail
        }
        assertThat(signInLinks(email)).isEqualTo(MAILS_PER_ADDRESS);

        WebClient client = new WebClient();
        HtmlPage refused = client.submit(
                client.get(Cluster.b().url() + "/signin.xhtml"),
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", email));
        assertThat(refused.path()).as("%s", refused.uri()).isEqualTo("/signin.xhtml");
        assertThat(refused.uri().getQuery()).contains("error=RateLimited");
        assertThat(refused.body()).contains("Too many attempts");
        assertThat(Cluster.STACK_TRACE.matcher(refused.body()).find()).isFalse();

        HttpResponse<String> api = signInByApi(Cluster.a(), email);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(429);
        assertThat(Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 600L);
        assertThat(api.body()).contains("\"error\":\"RateLimited\"");

        Waits.sleep(Duration.ofSeconds(1)); // a mail sent by mistake would have arrived by now
        assertThat(Cluster.mailbox().count(email))
                .as("mails: one per link asked for, none after the limit")
                .isEqualTo(MAILS_PER_ADDRESS);
        assertThat(signInLinks(email)).as("tokens after the limit").isEqualTo(MAILS_PER_ADDRESS);
        assertThat(rateLimitKeys())
                .as("rate-limit keys: hashed, no address")
                .anySatisfy(key -> assertThat(key).startsWith("email-address:"))
                .allSatisfy(key -> assertThat(key)
                        .doesNotContain("@")
                        .doesNotContain("flooded")
                        .doesNotContain("127.0.0.1"));
    }

    /** {@code POST /api/auth/signin/email} as an API client: CSRF token from {@code GET csrf}, JSON answers. */
    private static HttpResponse<String> signInByApi(LibertyNode node, String email) throws Exception {
        HttpResponse<String> csrf = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/auth/csrf"))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(csrf.body());
        assertThat(token.find()).as(csrf.body()).isTrue();
        String cookie = csrf.headers().allValues("Set-Cookie").stream()
                .map(value -> value.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
        String form = "csrfToken=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/auth/signin/email"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .header("X-Auth-Return-Redirect", "1")
                        .timeout(Duration.ofSeconds(15))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int signInLinks(String email) throws Exception {
        try (Connection connection = Cluster.database().connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM demo_sign_in_links WHERE identifier = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> rateLimitKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = Cluster.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM demo_rate_limits")) {
            while (rows.next()) {
                keys.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return keys;
    }
}
