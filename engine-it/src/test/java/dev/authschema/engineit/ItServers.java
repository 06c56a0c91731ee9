package dev.authschema.engineit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test run, what the Liberty server talks to: GreenMail (SMTP) and mock-oauth2-server (OIDC) on the
 * fixed ports of {@code src/test/liberty/server.env}, after waiting until both deployments answer.
 */
public final class ItServers implements BeforeAllCallback {

    /** The deployment with database sessions. */
    public static final String DB = "/db";
    /** The deployment with JWT sessions. */
    public static final String JWT = "/jwt";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static TestMailbox mailbox;
    private static TestOidcProvider oidc;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    private static synchronized void start() {
        if (mailbox == null) {
            awaitDeployment(DB);
            awaitDeployment(JWT);
            mailbox = new TestMailbox(Integer.getInteger("engineit.smtp.port", 27025));
            oidc = new TestOidcProvider(Integer.getInteger("engineit.oidc.port", 27090));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mailbox.close();
                oidc.close();
            }));
        }
    }

    private static void awaitDeployment(String context) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl() + context + "/api/auth/providers"))
                .timeout(Duration.ofSeconds(30)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
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
                throw new IllegalStateException(serverUrl() + context + " did not answer within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @return scheme, host and port of the Liberty server
     */
    public static String serverUrl() {
        return System.getProperty("engineit.url", "http://127.0.0.1:27080");
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
}
