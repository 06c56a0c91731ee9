package dev.authschema.engine.actions;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.email.EmailCodeSignIn;
import dev.authschema.engine.email.EmailSignIn;
import dev.authschema.engine.email.PendingCode;
import dev.authschema.engine.http.CookiePolicy;
import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.http.HostNames;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.TrustedBaseUrl;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.log.GuardedEvents;
import dev.authschema.engine.mail.DevelopmentLogSender;
import dev.authschema.engine.mail.DevelopmentMailbox;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.JakartaMailSender;
import dev.authschema.engine.mail.MailSessions;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.oauth.AccessTokens;
import dev.authschema.engine.oauth.OAuthClient;
import dev.authschema.engine.oauth.OAuthSignIn;
import dev.authschema.engine.oauth.ProviderDirectory;
import dev.authschema.engine.passkey.PasskeyCeremonies;
import dev.authschema.engine.password.MailHandOff;
import dev.authschema.engine.password.PasswordAccounts;
import dev.authschema.engine.password.PasswordHasher;
import dev.authschema.engine.ratelimit.RateLimiter;
import dev.authschema.engine.session.DatabaseSessionStore;
import dev.authschema.engine.session.JwtSessionStore;
import dev.authschema.engine.session.SessionStore;
import java.net.URI;
import java.util.Optional;

/**
 * What every action shares, built once per application from the configuration (Auth.js's internal options): the
 * cookie, CSRF and error policies, the session store, the OAuth client, the passkey ceremonies, the rate limiter and
 * the trusted base URL.
 * Thread-safe.
 */
public final class ActionContext {

    private final AuthConfig config;
    private final FlowLog log;
    private final CookiePolicy cookies;
    private final TrustedBaseUrl baseUrl;
    private final CsrfPolicy csrf;
    private final ErrorPolicy errors;
    private final SessionStore sessions;
    private final OAuthClient oauthClient;
    private final OAuthSignIn oauthSignIn;
    private final AccessTokens accessTokens;
    private final RateLimiter rateLimiter;
    private final PasskeyCeremonies passkeys;
    private final AuthEvents events;
    private final DevelopmentMailbox developmentMailbox;
    private final PasswordHasher passwordHasher;
    private final MailHandOff passwordMails;

    /**
     * @param config the validated configuration
     */
    public ActionContext(AuthConfig config) {
        this.config = config;
        this.log = new FlowLog(config.debug());
        this.cookies = CookiePolicy.of(
                config.useSecureCookies().orElse(null), config.url().orElse(null), config.trustHost());
        this.baseUrl = new TrustedBaseUrl(config.url().orElse(null), config.trustHost());
        this.events = new GuardedEvents(config.events(), log);
        this.csrf = new CsrfPolicy(new CsrfTokens(config.secrets()), cookies);
        this.errors = new ErrorPolicy(this);
        this.sessions = config.sessionStrategy() == SessionStrategy.DATABASE
                ? new DatabaseSessionStore(
                        config.adapter().orElseThrow(),
                        config.sessionMaxAge(),
                        config.sessionUpdateAge(),
                        config.clock(),
                        cookies,
                        log)
                : new JwtSessionStore(
                        config.secrets(),
                        config.sessionMaxAge(),
                        config.sessionUpdateAge(),
                        config.clock(),
                        cookies,
                        config.callbacks().jwt(),
                        config.rolesField().orElse(null),
                        log);
        ProviderDirectory directory = new ProviderDirectory();
        this.oauthClient = new OAuthClient(directory, config.secrets(), config.clock(), log);
        this.oauthSignIn = config.adapter()
                .map(adapter -> new OAuthSignIn(adapter, config.callbacks().signIn(), events, log, config.clock()))
                .orElse(null);
        this.accessTokens = config.adapter()
                .map(adapter -> new AccessTokens(
                        adapter,
                        directory,
                        id -> config.provider(id)
                                .filter(OAuthProviderConfig.class::isInstance)
                                .map(OAuthProviderConfig.class::cast)
                                .orElse(null),
                        config.clock(),
                        log))
                .orElse(null);
        this.rateLimiter =
                RateLimiter.create(config.rateLimits(), config.adapter().orElse(null), config.secret(), config.clock());
        this.passkeys = config.adapter()
                .map(adapter -> new PasskeyCeremonies(adapter, config.secrets(), config.clock(), rateLimiter, log))
                .orElse(null);
        this.developmentMailbox = config.development() ? new DevelopmentMailbox(config.clock()) : null;
        // Made only with a password provider: it hashes its dummy password once, which takes a moment.
        this.passwordHasher = passwordProvider().isPresent() ? new PasswordHasher() : null;
        this.passwordMails = passwordProvider().isPresent() ? MailHandOff.serverOrInline() : null;
    }

    /**
     * @return the configuration
     */
    public AuthConfig config() {
        return config;
    }

    /**
     * @return the flow log
     */
    public FlowLog log() {
        return log;
    }

    /**
     * @return the cookies' names and flags; the session stores and the OAuth flow get it from here
     */
    public CookiePolicy cookies() {
        return cookies;
    }

    /**
     * @return the double-submit CSRF check, and which requests need it
     */
    public CsrfPolicy csrf() {
        return csrf;
    }

    /**
     * @return what a failure becomes for the user
     */
    public ErrorPolicy errors() {
        return errors;
    }

    /**
     * @return the session store of the configured strategy
     */
    public SessionStore sessions() {
        return sessions;
    }

    /**
     * @return the application's event listener, guarded: a listener that throws is logged and the request goes on
     */
    public AuthEvents events() {
        return events;
    }

    /**
     * @return the rate limiter
     */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * @param exchange any request
     * @return the application's trusted base URL, without a trailing slash
     * @throws dev.authschema.engine.http.UntrustedHostException when the request's host may not be used
     */
    public String baseUrl(HttpExchange exchange) {
        return baseUrl.of(exchange);
    }

    /**
     * @param url     a requested redirect target (untrusted)
     * @param baseUrl the application's base URL
     * @return the target the redirect callback allows
     */
    public String safeRedirect(String url, String baseUrl) {
        return config.callbacks().redirect().redirect(url, baseUrl);
    }

    OAuthClient oauthClient() {
        return oauthClient;
    }

    /**
     * @return the users' provider access tokens
     * @throws AuthFlowException {@code Configuration} without an adapter (the tokens are stored on accounts)
     */
    public AccessTokens accessTokens() {
        if (accessTokens == null) {
            throw new AuthFlowException(
                    AuthErrorCode.Configuration,
                    "access tokens of provider accounts need an"
                            + " adapter to store them: configure AuthConfig.Builder.adapter");
        }
        return accessTokens;
    }

    OAuthSignIn oauthSignIn() {
        if (oauthSignIn == null) {
            throw new AuthFlowException(
                    AuthErrorCode.Configuration, "OAuth sign-in needs an adapter to store" + " users and accounts");
        }
        return oauthSignIn;
    }

    /** The id comes from the request's path: the messages quote it only through {@link FlowLog#untrusted}. */
    ProviderConfig provider(String id) {
        return config.provider(id)
                .orElseThrow(() -> new AuthFlowException(
                        AuthErrorCode.Configuration,
                        "no provider with id '" + FlowLog.untrusted(id) + "' is configured"));
    }

    /** A provider that must be of one kind: a callback request of the other kind is a configuration error. */
    <T extends ProviderConfig> T provider(String id, Class<T> type) {
        ProviderConfig provider = provider(id);
        if (!type.isInstance(provider)) {
            throw new AuthFlowException(
                    AuthErrorCode.Configuration,
                    "provider '" + provider.id() + "' is of type " + provider.type() + ", not a "
                            + type.getSimpleName());
        }
        return type.cast(provider);
    }

    boolean isEmailProvider(String id) {
        return config.provider(id).filter(EmailProviderConfig.class::isInstance).isPresent();
    }

    boolean isEmailCodeProvider(String id) {
        return config.provider(id)
                .filter(p -> p instanceof EmailProviderConfig e && e.mailsCodes())
                .isPresent();
    }

    EmailCodeSignIn emailCodeSignIn(EmailProviderConfig provider) {
        return new EmailCodeSignIn(
                provider,
                adapter(),
                sender(provider),
                (requestId, pending, max) -> {
                    RateLimitWindow window =
                            rateLimiter.countAttempt(EmailCodeSignIn.ATTEMPTS, requestId, provider.maxAge(), max);
                    return window.limited() ? 0 : window.count();
                },
                config.secrets(),
                config.clock(),
                config.callbacks().signIn(),
                log);
    }

    /** The code this browser asked for, from its sealed cookie; empty when missing, forged or expired. */
    Optional<PendingCode> pendingCode(HttpExchange exchange) {
        String name = cookies.names(exchange).emailCode();
        return exchange.cookie(name)
                .flatMap(value -> PendingCode.open(
                        value, config.secrets(), name, config.clock().instant()));
    }

    EmailSignIn emailSignIn(EmailProviderConfig provider) {
        return new EmailSignIn(
                provider,
                adapter(),
                sender(provider),
                config.secrets(),
                config.clock(),
                config.callbacks().signIn(),
                log);
    }

    /**
     * Who delivers the provider's mail: the application's own sender; else {@code AUTH_EMAIL_SERVER}; else, in
     * development without the container's mail session, the log; else the container's mail session.
     */
    private EmailSender sender(EmailProviderConfig provider) {
        if (provider.sender() != null) {
            return provider.sender();
        }
        return config.emailServer()
                .<EmailSender>map(server -> new JakartaMailSender(server::session))
                .orElseGet(() -> mailsToDevelopmentMailbox(provider)
                        ? new DevelopmentLogSender(developmentMailbox)
                        : JakartaMailSender.fromJndi(provider.mailSessionJndiName()));
    }

    /** Development mode, and neither the provider's own sender, {@code AUTH_EMAIL_SERVER} nor its mail session. */
    private boolean mailsToDevelopmentMailbox(EmailProviderConfig provider) {
        return developmentMailbox != null
                && provider.sender() == null
                && config.emailServer().isEmpty()
                && !MailSessions.exists(provider.mailSessionJndiName());
    }

    /**
     * The development mailbox, when there is one to show: development mode; links for this machine only (no
     * {@code AUTH_TRUST_HOST}, and {@code AUTH_URL} unset or on a loopback host: a server reached through a proxy or
     * a tunnel has neither); and every e-mail provider (at least one) mails to it, with no sender of its own, no
     * {@code AUTH_EMAIL_SERVER} and no container mail session. Only the configuration decides, never a request
     * header; outside development nothing is looked up.
     */
    Optional<DevelopmentMailbox> developmentMailbox() {
        if (developmentMailbox == null
                || config.trustHost()
                || !config.url().map(ActionContext::isLoopbackUrl).orElse(true)) {
            return Optional.empty();
        }
        var emailProviders = config.providers().stream()
                .filter(EmailProviderConfig.class::isInstance)
                .map(EmailProviderConfig.class::cast)
                .toList();
        return !emailProviders.isEmpty() && emailProviders.stream().allMatch(this::mailsToDevelopmentMailbox)
                ? Optional.of(developmentMailbox)
                : Optional.empty();
    }

    private static boolean isLoopbackUrl(String url) {
        return HostNames.isLoopback(URI.create(url).getHost());
    }

    PasskeyCeremonies passkeys() {
        if (passkeys == null) {
            throw new AuthFlowException(
                    AuthErrorCode.Configuration, "passkeys need an adapter to store" + " authenticators");
        }
        return passkeys;
    }

    /** The password provider, when one is configured (at most one is used: the first). */
    Optional<PasswordProviderConfig> passwordProvider() {
        return config.providers().stream()
                .filter(PasswordProviderConfig.class::isInstance)
                .map(PasswordProviderConfig.class::cast)
                .findFirst();
    }

    boolean isPasswordProvider(String id) {
        return config.provider(id)
                .filter(PasswordProviderConfig.class::isInstance)
                .isPresent();
    }

    PasswordAccounts passwordAccounts(PasswordProviderConfig provider) {
        EmailProviderConfig mailer = provider(provider.emailProviderId(), EmailProviderConfig.class);
        return new PasswordAccounts(
                provider,
                mailer,
                adapter(),
                sender(mailer),
                emailSignIn(mailer),
                passwordHasher,
                config.secrets(),
                config.clock(),
                config.callbacks().signIn(),
                log,
                passwordMails);
    }

    boolean isPasskeyProvider(String id) {
        return config.provider(id)
                .filter(PasskeyProviderConfig.class::isInstance)
                .isPresent();
    }

    AuthAdapter adapter() {
        return config.adapter()
                .orElseThrow(() -> new AuthFlowException(AuthErrorCode.Configuration, "this sign-in needs an adapter"));
    }

    static URI callbackEndpoint(String base, ProviderConfig provider) {
        return URI.create(base + AuthRouter.BASE_PATH + "/callback/" + provider.id());
    }

    /** A configured page (a path on the base URL, or an absolute URL), else the built-in one. */
    static String page(String base, String configured, String builtIn) {
        String path = configured != null ? configured : builtIn;
        return path.startsWith("http://") || path.startsWith("https://") ? path : base + path;
    }
}
