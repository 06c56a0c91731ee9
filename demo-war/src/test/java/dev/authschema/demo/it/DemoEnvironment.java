package dev.authschema.demo.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test run, what the demo server talks to: the SMTP server and the OIDC provider on the fixed ports
 * of {@code src/test/liberty/server.env}. Tests get them and the server's URL from the static accessors.
 */
public final class DemoEnvironment implements BeforeAllCallback {

    /** The address that gets the role ADMIN (DEMO_ADMIN_EMAILS of the test server). */
    public static final String ADMIN_EMAIL = "admin@demo.test";

    private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(240);

    private static TestMailbox mailbox;
    private static TestOidcProvider oidc;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    private static synchronized void start() {
        if (mailbox == null) {
            awaitServer();
            mailbox = new TestMailbox(Integer.getInteger("demo.smtp.port", 28025));
            oidc = new TestOidcProvider(Integer.getInteger("demo.oidc.port", 28090));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mailbox.close();
                oidc.close();
            }));
        }
    }

    /** Waits until the demo answers: Payara Micro starts beside the build, and takes its time on 2 cores. */
    private static void awaitServer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/signin.xhtml"))
                .timeout(Duration.ofSeconds(30)).build();
        Instant deadline = Instant.now().plus(SERVER_START_TIMEOUT);
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The demo at " + baseUrl() + " did not answer within "
                        + SERVER_START_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @return the demo server's base URL, without a trailing slash
     */
    public static String baseUrl() {
        return System.getProperty("demo.url", "http://127.0.0.1:28080");
    }

    /**
     * @return the SMTP server
     */
    public static TestMailbox mailbox() {
        return mailbox;
    }

    /**
     * @return the OIDC provider
     */
    public static TestOidcProvider oidc() {
        return oidc;
    }

    /**
     * @param who a readable prefix
     * @return an e-mail address no earlier run used (the test database outlives a run)
     */
    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.test";
    }
}
