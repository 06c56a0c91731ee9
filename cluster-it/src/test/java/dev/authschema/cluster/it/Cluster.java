package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.TestMailbox;
import dev.authschema.testsupport.TestOidcProvider;
import dev.authschema.testsupport.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The cluster every test class shares, started once per run: GreenMail, the OIDC provider, a fresh PostgreSQL
 * database and the two Liberty nodes on it (started in parallel). The root store closes it after the last class.
 */
final class Cluster implements BeforeAllCallback, AutoCloseable {

    static final String SESSION_COOKIE = "authjs.session-token";

    /** A Java exception class name or a stack frame: what an error response must never show. */
    static final Pattern STACK_TRACE = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b|\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Cluster running;

    private TestMailbox mailbox;
    private TestOidcProvider oidc;
    private SharedDatabase database;
    private LibertyNode a;
    private LibertyNode b;
    private boolean closed;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Cluster.class) {
            if (running == null) {
                Cluster cluster = new Cluster();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Cluster.class, cluster);
                running = cluster;
                cluster.start();
            }
        }
    }

    private void start() throws Exception {
        Postgres.ensureRunning();
        mailbox = new TestMailbox(Integer.getInteger("cluster.smtp.port", 29025));
        // It rotates refresh tokens, as providers that care do: a second refresh with the same token would fail.
        oidc = new TestOidcProvider(
                Integer.getInteger("cluster.oidc.port", 29090), Map.of("demo", "demo-client"), true);
        database = SharedDatabase.create();
        Path wlp = Path.of(System.getProperty("cluster.wlp", "target/liberty/wlp"));
        a = new LibertyNode(wlp, "clusterA", System.getProperty("cluster.a.url", "http://127.0.0.1:29080"));
        b = new LibertyNode(wlp, "clusterB", System.getProperty("cluster.b.url", "http://127.0.0.1:29081"));
        // Both JVMs start at once: on 2 cores this is what keeps the module within its time budget.
        Map<String, String> environment = Map.of("DB_NAME", database.name());
        List<Process> launchers = List.of(a.launch(environment), b.launch(environment));
        for (Process launcher : launchers) {
            if (!launcher.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
        a.awaitReady(START_TIMEOUT);
        b.awaitReady(START_TIMEOUT);
    }

    static LibertyNode a() {
        return running.a;
    }

    static LibertyNode b() {
        return running.b;
    }

    static TestMailbox mailbox() {
        return running.mailbox;
    }

    /** @return the provider's issuer {@code /demo}, which both nodes use */
    static TestOidcProvider.Issuer oidc() {
        return running.oidc.issuer("demo");
    }

    /** @return the provider itself, for counting its token requests */
    static TestOidcProvider oidcProvider() {
        return running.oidc;
    }

    static SharedDatabase database() {
        return running.database;
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@cluster.test";
    }

    /** Requests a sign-in link on one node; returns the link from the e-mail. */
    static String requestLink(WebClient client, LibertyNode node, String email) {
        HtmlPage sent = client.submit(
                client.get(node.url() + "/signin.xhtml"),
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", email));
        assertThat(sent.path()).isEqualTo("/check-email.xhtml");
        return mailbox().awaitSignInLink(email);
    }

    /** Opens a sign-in link on a node (whichever node wrote it) and confirms it there: ends on the account page. */
    static HtmlPage confirmLink(WebClient client, LibertyNode node, String link) {
        HtmlPage confirm = client.get(onNode(URI.create(link), node).toString());
        assertThat(confirm.path()).isEqualTo("/confirm.xhtml");
        return client.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
    }

    /** Signs in by e-mail entirely on one node; returns the session token. */
    static String signIn(LibertyNode node, String email) {
        WebClient client = new WebClient();
        assertThat(confirmLink(client, node, requestLink(client, node, email)).path())
                .isEqualTo("/account.xhtml");
        return client.requireCookie(SESSION_COOKIE);
    }

    /** @return the same URI on the given node, as a load balancer would route it */
    static URI onNode(URI uri, LibertyNode node) {
        URI base = URI.create(node.url());
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** {@code GET /api/auth/session} on a node with only the session cookie, as a fresh browser tab would send it. */
    static HttpResponse<String> session(LibertyNode node, String token) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/auth/session"))
                        .header("Cookie", SESSION_COOKIE + "=" + token)
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET} of a page on a node with only the session cookie; redirects are not followed. */
    static HttpResponse<String> page(LibertyNode node, String path, String token)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + path))
                        .header("Cookie", SESSION_COOKIE + "=" + token)
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return whether the node answers the session endpoint with this user */
    static boolean isSignedIn(LibertyNode node, String token, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = session(node, token);
        return response.statusCode() == 200 && response.body().contains("\"" + email + "\"");
    }

    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // PostgreSQL first: whatever happened in a test, the rest of the build needs it.
            Postgres.ensureRunning();
        } finally {
            if (a != null) {
                a.stop();
            }
            if (b != null) {
                b.stop();
            }
            if (database != null) {
                database.close();
            }
            oidc.close();
            mailbox.close();
        }
    }
}
