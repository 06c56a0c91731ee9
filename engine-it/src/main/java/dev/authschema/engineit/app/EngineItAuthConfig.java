package dev.authschema.engineit.app;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.Pages;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SecurityHeaders;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.config.Theme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import java.time.Duration;

/**
 * The engine's configuration in the test app. The same WAR is deployed at {@code /db} and {@code /jwt}; the context
 * root picks the session strategy, so one build and one server cover both. Everything else is the engine's default
 * (30-day sessions renewed at most daily, 24-hour e-mail links, the default same-origin redirect callback, the
 * default Jakarta Mail sender), except the clock, which the tests move.
 *
 * <p>Base URL: {@code /db} and {@code /jwt} run in production mode, with the trusted base URL {@code AUTH_URL} of
 * server.env (there the server's origin, {@code http://127.0.0.1:27080}) followed by the context root, so that every
 * link and redirect is built from it and never from the request's {@code Host}. {@code /dev}, a third copy of the
 * WAR with database sessions, runs in development mode without {@code AUTH_URL}: it derives links from loopback
 * hosts only and answers 400 to any other {@code Host}; its custom sign-in page is {@link #DEV_SIGN_IN_PAGE}, so that
 * the authentication mechanism redirects a protected resource there. {@code /proxy}, a fourth copy, runs in
 * production mode with {@code AUTH_TRUST_HOST=true} and no {@code AUTH_URL}, as behind a proxy that sets
 * {@code X-Forwarded-Host}. {@code /rotating} and {@code /rotated} (JWT sessions) are the same application during
 * and after a rotation of its secret ({@link #ROTATING_CONTEXT}, {@link #ROTATED_CONTEXT}); {@code /devmail} runs in
 * development mode without any mail server ({@link #DEV_NO_MAIL_CONTEXT}); all share one database. {@code /nounit},
 * {@code /notables} and {@code /badmail} ({@link #BAD_MAIL_SERVER_CONTEXT}) are wired wrong on purpose.
 *
 * <p>Callbacks and events: {@link ItCallbacks} and {@link RecordedEvents}, on every deployment.
 *
 * <p>Providers: {@code email}; {@code broken-mail}, whose SMTP server is down; {@code oidc}, which refuses to link by e-mail address ({@code OAuthAccountNotLinked});
 * {@code trusted}, which allows it; {@code passkey}, with sign-up on {@code /db} and {@code /dev} only;
 * {@code email-code}, which mails one-time codes; {@code password}, which mails through {@code email}; and the OpenID Connect presets of {@link PresetProviders}. Client
 * settings come from server.env ({@code AUTH_OIDC_*}, {@code AUTH_TRUSTED_*}, {@code AUTH_PRESET_ISSUER_BASE}).
 */
@ApplicationScoped
public class EngineItAuthConfig {

    /** The context root of the deployment with JWT sessions. */
    public static final String JWT_CONTEXT = "/jwt";

    /** The context root of the deployment in development mode (no AUTH_URL). */
    public static final String DEV_CONTEXT = "/dev";

    /** The context root of the deployment behind a (simulated) proxy: AUTH_TRUST_HOST=true, no AUTH_URL. */
    public static final String PROXY_CONTEXT = "/proxy";

    /**
     * The context root of the deployment in the middle of a secret rotation (JWT sessions): its {@code AUTH_SECRET}
     * is {@code AUTH_SECRET_NEXT,AUTH_SECRET}, the new secret first, the one of the other deployments behind it.
     */
    public static final String ROTATING_CONTEXT = "/rotating";

    /**
     * The context root of the deployment after the rotation (JWT sessions): its {@code AUTH_SECRET} is
     * {@code AUTH_SECRET_NEXT} alone, the old one removed.
     */
    public static final String ROTATED_CONTEXT = "/rotated";

    /**
     * Test-only, read by this producer and by nothing in the runtime: the new secret of the rotation, made for each
     * build like {@code AUTH_SECRET} (target/it-settings/server.env).
     */
    static final String NEXT_SECRET_VARIABLE = "AUTH_SECRET_NEXT";

    /** The context root of the copy on a database without tables, whose deployment must fail (StartupCheckIT). */
    public static final String NO_TABLES_CONTEXT = "/notables";

    /**
     * The context root of the copy in development mode without a mail server (no AUTH_URL, no AUTH_EMAIL_SERVER, its
     * e-mail providers on a mail session that does not exist): the links go to the log and to the development
     * mailbox page ({@code DevelopmentMailboxIT}).
     */
    public static final String DEV_NO_MAIL_CONTEXT = "/devmail";

    /** The JNDI name of {@code /devmail}'s e-mail providers, bound to nothing. */
    static final String NO_MAIL_SESSION = "mail/none";

    /**
     * The context root of the copy whose {@code AUTH_EMAIL_SERVER} is malformed (a port out of range), whose deployment
     * must fail naming the variable and never quoting the password (StartupCheckIT).
     */
    public static final String BAD_MAIL_SERVER_CONTEXT = "/badmail";

    /**
     * The context root of the production copy with the e-mail providers on and no mail server at all (no
     * {@code AUTH_EMAIL_SERVER}, no mail session), whose deployment must fail naming both fixes (StartupCheckIT).
     */
    public static final String PRODUCTION_NO_MAIL_CONTEXT = "/nomail";

    /** The password in {@code /badmail}'s {@code AUTH_EMAIL_SERVER}: it must never reach the log. */
    public static final String BAD_MAIL_SERVER_PASSWORD = "s3cret-badmail-7Qw9";

    /** {@code /badmail}'s {@code AUTH_EMAIL_SERVER}: well-formed but for its port. */
    static final String BAD_MAIL_SERVER = "smtp://engine-it:" + BAD_MAIL_SERVER_PASSWORD + "@127.0.0.1:99999";

    /** The custom sign-in page of {@code /dev}, where the authentication mechanism sends a protected resource. */
    public static final String DEV_SIGN_IN_PAGE = "/test/sign-in-page";

    /** {@code /jwt}'s theme: the logo from the WAR, a brand colour of its own. */
    public static final Theme JWT_THEME =
            Theme.defaults().withLogo("/logo.svg").withBrandColor("#0f766e").withButtonText("#ffffff");

    /** {@code /jwt}'s headers: no inline script or style, no resource from elsewhere. */
    static final SecurityHeaders STRICT_HEADERS = SecurityHeaders.defaults()
            .with(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'");

    @Inject
    AuthAdapter adapter;

    @Inject
    ServletContext servletContext;

    @Produces
    @Singleton
    AuthConfig authConfig() {
        String context = servletContext.getContextPath();
        boolean rotating = ROTATING_CONTEXT.equals(context);
        boolean rotated = ROTATED_CONTEXT.equals(context);
        boolean jwt = JWT_CONTEXT.equals(context) || rotating || rotated;
        boolean noMail = DEV_NO_MAIL_CONTEXT.equals(context);
        boolean badMail = BAD_MAIL_SERVER_CONTEXT.equals(context);
        boolean productionNoMail = PRODUCTION_NO_MAIL_CONTEXT.equals(context);
        boolean development = DEV_CONTEXT.equals(servletContext.getContextPath()) || noMail;
        boolean proxy = PROXY_CONTEXT.equals(servletContext.getContextPath());
        AuthConfig.Builder builder = AuthConfig.builder();
        if (rotating || rotated) {
            // Through the environment, as an operator rotates: AUTH_SECRET becomes "new,old", then "new".
            String next = System.getenv(NEXT_SECRET_VARIABLE);
            String secrets = rotating ? next + "," + System.getenv("AUTH_SECRET") : next;
            builder.environment(name -> "AUTH_SECRET".equals(name) ? secrets : System.getenv(name));
        }
        if (noMail) {
            // The built-in pages; nothing of the environment's mail settings (there are none in server.env).
            builder.development(true)
                    .environment(name ->
                            "AUTH_URL".equals(name) || "AUTH_EMAIL_SERVER".equals(name) ? null : System.getenv(name));
        } else if (development) {
            builder.development(true)
                    .environment(name -> "AUTH_URL".equals(name) ? null : System.getenv(name))
                    .pages(Pages.defaults().withSignIn(DEV_SIGN_IN_PAGE));
        } else if (proxy) {
            builder.trustHost(true).environment(name -> "AUTH_URL".equals(name) ? null : System.getenv(name));
        } else {
            if (badMail) {
                builder.environment(name -> "AUTH_EMAIL_SERVER".equals(name) ? BAD_MAIL_SERVER : System.getenv(name));
            } else if (productionNoMail) {
                builder.environment(name -> "AUTH_EMAIL_SERVER".equals(name) ? null : System.getenv(name));
            }
            String origin = System.getenv("AUTH_URL");
            builder.url(origin == null ? null : origin + servletContext.getContextPath());
        }
        PresetProviders.all(System.getenv("AUTH_PRESET_ISSUER_BASE")).forEach(builder::provider);
        if (noMail || productionNoMail) {
            builder.provider(Providers.email("signin@engine-it.test").withMailSession(NO_MAIL_SESSION))
                    .provider(Providers.emailCode("signin@engine-it.test").withMailSession(NO_MAIL_SESSION));
        } else {
            builder.provider(Providers.email("signin@engine-it.test"))
                    .provider(Providers.emailCode("signin@engine-it.test"))
                    .provider(new EmailProviderConfig(
                            "broken-mail",
                            "Mail that is down",
                            "signin@engine-it.test",
                            Duration.ofHours(24),
                            null,
                            "mail/broken"));
        }
        return builder
                // Every copy creates the tables it needs at start-up (they share one database), except the one
                // that shows the refusal when there are none.
                .synchronizeSchema(!NO_TABLES_CONTEXT.equals(servletContext.getContextPath()))
                .adapter(adapter)
                .sessionStrategy(jwt ? SessionStrategy.JWT : SessionStrategy.DATABASE)
                .clock(MovableClock.INSTANCE)
                .callbacks(ItCallbacks.of(context))
                .events(RecordedEvents.INSTANCE)
                .provider(Providers.openIdConnect("oidc", "Engine OIDC", null))
                .provider(Providers.openIdConnect("trusted", "Trusted OIDC", null)
                        .withAllowDangerousEmailAccountLinking(true))
                // Sign-up with a passkey alone where the passkey tests start: /db (HTTP) and /dev (Chromium, on
                // localhost, a host a browser accepts as RP ID); /jwt and /proxy keep the default, off.
                .provider(Providers.passkey().withSignUp(!jwt && !proxy))
                // E-mail and password, its mails through the provider "email" (PasswordIT); the schema file has the
                // User model's passwordHash.
                .provider(Providers.password())
                // One header more than the defaults: WebHardeningIT checks that the application can extend them.
                // /jwt also has a strict CSP and a theme: SignInPageChromiumIT shows the built-in pages hold it.
                .securityHeaders(
                        jwt
                                ? STRICT_HEADERS
                                : SecurityHeaders.defaults().with("Permissions-Policy", "camera=(), microphone=()"))
                .theme(jwt ? JWT_THEME : Theme.defaults())
                // Logs every step at INFO: the tests check that no token or secret ever reaches the log.
                .debug(true)
                .build();
    }
}
