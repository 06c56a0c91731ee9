package dev.authschema.demo.it;

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

    private static TestMailbox mailbox;
    private static TestOidcProvider oidc;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    private static synchronized void start() {
        if (mailbox == null) {
            mailbox = new TestMailbox(Integer.getInteger("demo.smtp.port", 28025));
            oidc = new TestOidcProvider(Integer.getInteger("demo.oidc.port", 28090));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mailbox.close();
                oidc.close();
            }));
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
