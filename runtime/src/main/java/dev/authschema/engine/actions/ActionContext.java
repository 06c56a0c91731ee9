package dev.authschema.engine.actions;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.email.EmailSignIn;
import dev.authschema.engine.http.CookiePolicy;
import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.TrustedBaseUrl;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.DevelopmentLogSender;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.JakartaMailSender;
import dev.authschema.engine.mail.MailSessions;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.oauth.OAuthClient;
import dev.authschema.engine.oauth.OAuthSignIn;
import dev.authschema.engine.oauth.ProviderDirectory;
import dev.authschema.engine.ratelimit.RateLimiter;
import dev.authschema.engine.session.DatabaseSessionStore;
import dev.authschema.engine.session.JwtSessionStore;
import dev.authschema.engine.session.SessionStore;
import java.net.URI;

/**
 * What every action shares, built once per application from the configuration (Auth.js's internal options): the
 * cookie, CSRF and error policies, the session store, the OAuth client, the rate limiter and the trusted base URL.
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
    private final RateLimiter rateLimiter;

    /**
     * @param config the validated configuration
     */
    public ActionContext(AuthConfig config) {
        this.config = config;
        this.log = new FlowLog(config.debug());
        this.cookies = CookiePolicy.of(config.useSecureCookies().orElse(null), config.url().orElse(null),
                config.trustHost());
        this.baseUrl = new TrustedBaseUrl(config.url().orElse(null), config.trustHost());
        this.csrf = new CsrfPolicy(new CsrfTokens(config.secret()), cookies);
        this.errors = new ErrorPolicy(this);
        this.sessions = config.sessionStrategy() == SessionStrategy.DATABASE
                ? new DatabaseSessionStore(config.adapter().orElseThrow(), config.sessionMaxAge(),
                        config.sessionUpdateAge(), config.clock(), cookies, log)
                : new JwtSessionStore(config.secret(), config.sessionMaxAge(), config.sessionUpdateAge(),
                        config.clock(), cookies, config.callbacks().jwt(), config.rolesField().orElse(null), log);
        this.oauthClient = new OAuthClient(new ProviderDirectory(), config.secret(), config.clock(), log);
        this.oauthSignIn = config.adapter().map(adapter -> new OAuthSignIn(adapter, config.callbacks().signIn(),
                config.events(), log, config.clock())).orElse(null);
        this.rateLimiter = RateLimiter.create(config.rateLimits(), config.adapter().orElse(null), config.secret(),
                config.clock());
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

    OAuthSignIn oauthSignIn() {
        if (oauthSignIn == null) {
            throw new AuthFlowException(AuthErrorCode.Configuration, "OAuth sign-in needs an adapter to store"
                    + " users and accounts");
        }
        return oauthSignIn;
    }

    /** The id comes from the request's path: the messages quote it only through {@link FlowLog#untrusted}. */
    ProviderConfig provider(String id) {
        return config.provider(id).orElseThrow(() -> new AuthFlowException(AuthErrorCode.Configuration,
                "no provider with id '" + FlowLog.untrusted(id) + "' is configured"));
    }

    /** A provider that must be of one kind: a callback request of the other kind is a configuration error. */
    <T extends ProviderConfig> T provider(String id, Class<T> type) {
        ProviderConfig provider = provider(id);
        if (!type.isInstance(provider)) {
            throw new AuthFlowException(AuthErrorCode.Configuration, "provider '" + provider.id() + "' is of type "
                    + provider.type() + ", not a " + type.getSimpleName());
        }
        return type.cast(provider);
    }

    boolean isEmailProvider(String id) {
        return config.provider(id).filter(EmailProviderConfig.class::isInstance).isPresent();
    }

    EmailSignIn emailSignIn(EmailProviderConfig provider) {
        EmailSender sender = provider.sender() != null ? provider.sender()
                : config.emailServer().<EmailSender>map(server -> new JakartaMailSender(server::session))
                        .orElseGet(() -> config.development() && !MailSessions.exists(provider.mailSessionJndiName())
                                ? new DevelopmentLogSender()
                                : JakartaMailSender.fromJndi(provider.mailSessionJndiName()));
        return new EmailSignIn(provider, adapter(), sender, config.secret(), config.clock(),
                config.callbacks().signIn(), log);
    }

    AuthAdapter adapter() {
        return config.adapter().orElseThrow(() -> new AuthFlowException(AuthErrorCode.Configuration,
                "this sign-in needs an adapter"));
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
