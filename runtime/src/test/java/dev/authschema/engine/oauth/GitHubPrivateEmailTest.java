package dev.authschema.engine.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GitHub preset for a user who keeps their address private: {@code /user} has {@code "email": null}, and the
 * address comes from {@code /user/emails}, the primary verified one. The authorization and token endpoints are a
 * real OAuth server (mock-oauth2-server); GitHub's REST API, which this machine cannot reach, is stood in for by a
 * local HTTP server answering as GitHub documents it.
 */
class GitHubPrivateEmailTest {

    private static final String CLIENT_ID = "github-client";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();
    private MockOAuth2Server oauthServer;
    private HttpServer gitHubApi;
    private volatile int emailsStatus = 200;
    private volatile String emailsBody;

    @BeforeEach
    void startServers() throws IOException {
        oauthServer = new MockOAuth2Server();
        oauthServer.start();
        gitHubApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gitHubApi.createContext("/user", exchange -> {
            apiAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean emails = exchange.getRequestURI().getPath().equals("/user/emails");
            String body = emails
                    ? emailsBody
                    : "{\"id\": 583231, \"login\": \"octocat\", \"name\": null, \"email\": null,"
                            + " \"avatar_url\": \"https://avatars.example/u/583231\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(emails ? emailsStatus : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        gitHubApi.start();
    }

    @AfterEach
    void stopServers() {
        gitHubApi.stop(0);
        oauthServer.shutdown();
    }

    @Test
    void the_primary_verified_address_is_used_when_the_profile_has_none() throws Exception {
        emailsBody = """
                [{"email": "octo@old.example", "primary": false, "verified": true, "visibility": null},
                 {"email": "unverified@example.com", "primary": false, "verified": false, "visibility": null},
                 {"email": "Octocat@GitHub.example", "primary": true, "verified": true, "visibility": "private"}]
                """;

        signIn();

        AdapterUser user = adapter.users.values().iterator().next();
        assertThat(user.email()).isEqualTo("octocat@github.example");
        assertThat(user.name()).isEqualTo("octocat");
        assertThat(adapter.getAccount("583231", "github")).isPresent();
        assertThat(apiAuthorizations)
                .hasSize(2)
                .allSatisfy(header -> assertThat(header).startsWith("Bearer "));
    }

    @Test
    void an_unverified_primary_address_is_never_taken_nor_another_one() throws Exception {
        emailsBody = """
                [{"email": "primary@example.com", "primary": true, "verified": false},
                 {"email": "backup@example.com", "primary": false, "verified": true}]
                """;

        signIn();

        assertThat(adapter.users.values().iterator().next().email()).isNull();
    }

    @Test
    void the_primary_verified_address_sets_email_verified() throws Exception {
        emailsBody = """
                [{"email": "octocat@github.example", "primary": true, "verified": true}]
                """;

        signIn();

        AdapterUser user = adapter.users.values().iterator().next();
        assertThat(user.emailVerified()).isNotNull();
    }

    @Test
    void without_the_scope_for_addresses_the_user_signs_in_without_one() throws Exception {
        emailsStatus = 404;
        emailsBody = "{\"message\": \"Not Found\"}";

        signIn();

        assertThat(adapter.users.values().iterator().next().email()).isNull();
        assertThat(adapter.getAccount("583231", "github")).isPresent();
    }

    private void signIn() throws Exception {
        String api = "http://127.0.0.1:" + gitHubApi.getAddress().getPort();
        OAuthProviderConfig gitHub = Providers.gitHub()
                .withClient(CLIENT_ID, "github-secret")
                .withEndpoints(
                        oauthServer.authorizationEndpointUrl("github").toString(),
                        oauthServer.tokenEndpointUrl("github").toString(),
                        api + "/user")
                .withEmailsEndpoint(api + "/user/emails")
                // The stand-in authorization server insists on an openid scope; the flow stays plain OAuth 2.
                .withScopes(List.of("openid", "read:user", "user:email"));
        AuthEngine engine = new AuthEngine(AuthConfig.builder()
                .environment(name -> null)
                .url("http://localhost:8080/app")
                .secret("github-test-secret-that-is-long-enough-1234")
                .adapter(adapter)
                .provider(gitHub)
                .build());

        FakeExchange start = FakeExchange.post(Map.of()).param("callbackUrl", "/app/after");
        URI authorization = URI.create(engine.signIn(start, "github"));
        HttpResponse<String> login =
                http.send(HttpRequest.newBuilder(authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        Map<String, String> back =
                query(URI.create(login.headers().firstValue("Location").orElseThrow()));
        FakeExchange callback = FakeExchange.get(start.browser())
                .param("code", back.get("code"))
                .param("state", back.get("state"));

        assertThat(engine.callback(callback, "github")).isEqualTo("http://localhost:8080/app/after");
        assertThat(adapter.users).hasSize(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
