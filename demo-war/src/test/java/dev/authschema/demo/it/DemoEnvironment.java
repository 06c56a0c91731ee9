package dev.authschema.demo.it;

import dev.authschema.testsupport.ServerLog;
import dev.authschema.testsupport.TestMailbox;
import dev.authschema.testsupport.TestOidcProvider;
import dev.authschema.testsupport.Waits;
import dev.authschema.testsupport.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    /** The issuer id and client id of the provider {@code demo} in the test server's settings. */
    private static final String OIDC_ISSUER = "demo";

    private static final String OIDC_CLIENT_ID = "demo-client";

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
            oidc = new TestOidcProvider(
                    Integer.getInteger("demo.oidc.port", 28090), Map.of(OIDC_ISSUER, OIDC_CLIENT_ID));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mailbox.close();
                oidc.close();
            }));
        }
    }

    /** Waits until the demo answers: Payara Micro starts beside the build, and takes its time on 2 cores. */
    private static void awaitServer() {
        if (!Waits.untilOk(URI.create(baseUrl() + "/signin.xhtml"), SERVER_START_TIMEOUT, Duration.ofSeconds(1))) {
            throw new IllegalStateException(
                    "The demo at " + baseUrl() + " did not answer within " + SERVER_START_TIMEOUT.toSeconds() + " s");
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
     * @return the OIDC provider's issuer that the demo signs in with
     */
    public static TestOidcProvider.Issuer oidc() {
        return oidc.issuer(OIDC_ISSUER);
    }

    /**
     * @return a new cookie-keeping client of the demo server (paths are relative to {@link #baseUrl()})
     */
    public static WebClient client() {
        return new WebClient(baseUrl());
    }

    /**
     * @return a mark at the current end of the test server's log ({@code demo.server.log}, set by demo-war's
     *         failsafe)
     */
    public static ServerLog serverLog() {
        String path = System.getProperty("demo.server.log");
        if (path == null) {
            throw new AssertionError("demo.server.log is not set: run the tests through Maven (demo-war's failsafe)");
        }
        return ServerLog.mark(Path.of(path), StandardCharsets.UTF_8);
    }

    /**
     * @param who a readable prefix
     * @return an e-mail address no earlier run used (the test database outlives a run)
     */
    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.test";
    }
}
