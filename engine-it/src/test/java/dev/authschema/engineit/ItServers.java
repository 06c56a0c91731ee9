package dev.authschema.engineit;

import dev.authschema.testsupport.Forms;
import dev.authschema.testsupport.ServerLog;
import dev.authschema.testsupport.TestMailbox;
import dev.authschema.testsupport.TestOidcProvider;
import dev.authschema.testsupport.Waits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test run, what the Liberty server talks to: GreenMail (SMTP) and mock-oauth2-server (OIDC) on the
 * fixed ports of {@code src/test/liberty/server.env}, after waiting until both deployments answer. After each test
 * class, checks that no credential the tests received, and no configured secret, appears in the server's logs (the
 * engine runs with {@code debug} on, so every step of every flow is logged).
 */
public final class ItServers implements BeforeAllCallback, AfterAllCallback {

    /**
     * Secrets of the server's settings: the build's AUTH_SECRET, those of src/test/liberty/server.env, and the password
     * in {@code /badmail}'s malformed AUTH_EMAIL_SERVER.
     */
    private static final List<String> CONFIGURED_SECRETS = List.of(
            authSecret(),
            nextSecret(),
            "engine-client-secret",
            "trusted-client-secret",
            dev.authschema.engineit.app.EngineItAuthConfig.BAD_MAIL_SERVER_PASSWORD);

    /** The deployment with database sessions. */
    public static final String DB = "/db";
    /** The deployment with JWT sessions. */
    public static final String JWT = "/jwt";
    /** The deployment in development mode, without AUTH_URL (database sessions). */
    public static final String DEV = "/dev";
    /** The deployment with AUTH_TRUST_HOST=true and no AUTH_URL (behind a proxy; database sessions). */
    public static final String PROXY = "/proxy";
    /** The deployment in development mode without any mail server: the development mailbox (database sessions). */
    public static final String DEVMAIL = "/devmail";
    /** The deployment during a secret rotation: AUTH_SECRET is "next,old" (JWT sessions). */
    public static final String ROTATING = "/rotating";
    /** The deployment after a secret rotation: AUTH_SECRET is "next" alone (JWT sessions). */
    public static final String ROTATED = "/rotated";

    /** Issuer id, at the test OIDC provider, of the app's provider {@code oidc}. */
    public static final String ENGINE_ISSUER = "engine";
    /** Issuer id, at the test OIDC provider, of the app's provider {@code trusted}. */
    public static final String TRUSTED_ISSUER = "trusted";

    /**
     * How long the first test waits for each deployment: the four copies synchronise one embedded Derby database at
     * once, and a copy whose statement waited out Derby's 60 s lock timeout runs again (seen: 190 s on a busy machine).
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static TestMailbox mailbox;
    private static TestOidcProvider oidc;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        String logs = System.getProperty("engineit.serverLogs");
        if (logs == null) {
            return; // run from an IDE against a server started by hand
        }
        Set<String> secrets = Stream.concat(SeenSecrets.all().stream(), CONFIGURED_SECRETS.stream())
                .collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(logs))) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            throw new AssertionError("no server logs in " + logs);
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    throw new AssertionError("A credential appears in " + file + ": "
                            + secret.substring(0, Math.min(12, secret.length())) + "...");
                }
            }
        }
    }

    private static synchronized void start() {
        if (mailbox == null) {
            awaitDeployment(DB);
            awaitDeployment(JWT);
            awaitDeployment(DEV);
            awaitDeployment(PROXY);
            awaitDeployment(ROTATING);
            awaitDeployment(ROTATED);
            awaitDeployment(DEVMAIL);
            mailbox = new TestMailbox(
                    Integer.getInteger("engineit.smtp.port", 27025),
                    link -> SeenSecrets.remember(Forms.query(URI.create(link)).get("token")));
            Map<String, String> issuers =
                    new java.util.HashMap<>(Map.of(ENGINE_ISSUER, "engine-client", TRUSTED_ISSUER, "trusted-client"));
            PresetSignInIT.PRESET_IDS.forEach(id -> issuers.put(id, PresetSignInIT.CLIENT_ID));
            oidc = new TestOidcProvider(Integer.getInteger("engineit.oidc.port", 27090), issuers);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mailbox.close();
                oidc.close();
            }));
        }
    }

    private static void awaitDeployment(String context) {
        if (!Waits.untilOk(
                URI.create(serverUrl() + context + "/api/auth/providers"), START_TIMEOUT, Duration.ofMillis(500))) {
            throw new IllegalStateException(
                    serverUrl() + context + " did not answer within " + START_TIMEOUT.toSeconds() + " s");
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

    /**
     * @return a mark at the current end of the server's {@code messages.log}; it reads as empty when the tests run
     *         without the Maven build's server
     */
    public static ServerLog serverLog() {
        String logs = System.getProperty("engineit.serverLogs");
        return ServerLog.mark(logs == null ? null : Path.of(logs, "messages.log"), StandardCharsets.ISO_8859_1);
    }

    /**
     * @return the server's {@code AUTH_SECRET}: made for each build and written with the other settings to
     *         {@code target/it-settings/server.env} (a published secret is refused outside development)
     */
    public static String authSecret() {
        return setting("AUTH_SECRET");
    }

    /**
     * @return the new secret of the rotation deployments ({@code AUTH_SECRET_NEXT}, made like {@link #authSecret()})
     */
    public static String nextSecret() {
        return setting("AUTH_SECRET_NEXT");
    }

    private static String setting(String name) {
        java.nio.file.Path settings =
                java.nio.file.Path.of(System.getProperty("engineit.serverEnv", "target/it-settings/server.env"));
        try {
            return java.nio.file.Files.readAllLines(settings).stream()
                    .filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + settings));
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read the server's settings " + settings + " (made by the build)", e);
        }
    }
}
