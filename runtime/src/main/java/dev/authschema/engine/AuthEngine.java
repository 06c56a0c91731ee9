package dev.authschema.engine;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.email.EmailSignIn;
import dev.authschema.engine.email.InvalidEmailException;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.InputLimits;
import dev.authschema.engine.http.TrustedBaseUrl;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.JakartaMailSender;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.model.SessionUser;
import dev.authschema.engine.oauth.OAuthClient;
import dev.authschema.engine.oauth.OAuthSignIn;
import dev.authschema.engine.oauth.ProviderDirectory;
import dev.authschema.engine.ratelimit.RateLimiter;
import dev.authschema.engine.session.DatabaseSessionStore;
import dev.authschema.engine.session.JwtSessionStore;
import dev.authschema.engine.session.SessionStore;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-in engine: every Auth.js operation over an {@link HttpExchange}, independent of servlets and CDI so that
 * the servlet, the authentication mechanism, the JSF service and tests share it. Thread-safe; one per application.
 * Operations that fail for a reason the user may see throw {@link AuthFlowException}; callers turn it into a redirect
 * to {@link #errorUrl}.
 */
public final class AuthEngine {

    /** Where the endpoints live, relative to the context path. */
    public static final String BASE_PATH = "/api/auth";

    private final AuthConfig config;
    private final FlowLog log;
    private final SessionStore sessions;
    private final CsrfTokens csrf;
    private final OAuthClient oauthClient;
    private final OAuthSignIn oauthSignIn;
    private final TrustedBaseUrl baseUrl;
    private final RateLimiter rateLimiter;

    /**
     * @param config the validated configuration
     */
    public AuthEngine(AuthConfig config) {
        this.config = config;
        this.log = new FlowLog(config.debug());
        this.baseUrl = new TrustedBaseUrl(config.url().orElse(null), config.trustHost());
        this.csrf = new CsrfTokens(config.secret());
        this.sessions = config.sessionStrategy() == SessionStrategy.DATABASE
                ? new DatabaseSessionStore(config.adapter().orElseThrow(), config.sessionMaxAge(),
                        config.sessionUpdateAge(), config.clock(), this::secureCookies, log)
                : new JwtSessionStore(config.secret(), config.sessionMaxAge(), config.sessionUpdateAge(),
                        config.clock(), this::secureCookies, config.callbacks().jwt(),
                        config.rolesField().orElse(null), log);
        this.oauthClient = new OAuthClient(new ProviderDirectory(), config.secret(), config.clock(), log);
        this.oauthSignIn = config.adapter().map(adapter -> new OAuthSignIn(adapter, config.callbacks().signIn(),
                config.events(), log, config.clock())).orElse(null);
        this.rateLimiter = RateLimiter.create(config.rateLimits(), config.adapter().orElse(null), config.secret(),
                config.clock());
        log.debug(() -> "engine ready: " + config);
    }

    /**
     * @return the configuration
     */
    public AuthConfig config() {
        return config;
    }

    /**
     * @return the rate limiter; the servlet counts every {@code /api/auth/*} POST with it before anything else
     */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * @param exchange any request
     * @return whether it gets {@code Secure}, prefixed cookies
     */
    public boolean secureCookies(HttpExchange exchange) {
        return config.useSecureCookies().orElseGet(() -> exchange.secure()
                || config.url().map(url -> url.startsWith("https:")).orElse(false)
                // Behind a TLS-terminating proxy that AUTH_TRUST_HOST trusts, the browser's side is what counts.
                || config.url().isEmpty() && config.trustHost() && forwardedHttps(exchange));
    }

    private static boolean forwardedHttps(HttpExchange exchange) {
        String proto = exchange.header("X-Forwarded-Proto");
        return proto != null && proto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }

    /**
     * @param exchange any request
     * @return the cookie names for it
     */
    public AuthCookies cookies(HttpExchange exchange) {
        return new AuthCookies(secureCookies(exchange));
    }

    /**
     * The one base of every link, redirect and {@code redirect_uri}: {@code AUTH_URL}; without it (development or
     * {@code AUTH_TRUST_HOST}) see {@link TrustedBaseUrl}.
     *
     * @param exchange any request
     * @return the application's base URL, without a trailing slash
     * @throws dev.authschema.engine.http.UntrustedHostException when the request's host may not be used (the
     *                                                          endpoints answer 400)
     */
    public String baseUrl(HttpExchange exchange) {
        return baseUrl.of(exchange);
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    /**
     * @param exchange any request
     * @return the caller's valid session, or empty; never throws for a bad cookie
     */
    public Optional<AuthSession> session(HttpExchange exchange) {
        return sessions.read(exchange);
    }

    /**
     * @param exchange any request
     * @return {@code GET /api/auth/session}'s body: {@code {user: {name, email, image}, expires}} shaped by the
     *         session callback, or an empty map when signed out
     */
    public Map<String, Object> sessionJson(HttpExchange exchange) {
        Optional<AuthSession> session = session(exchange);
        if (session.isEmpty()) {
            return Map.of();
        }
        SessionUser user = session.get().user();
        Map<String, Object> userJson = new LinkedHashMap<>();
        userJson.put("name", user.name());
        userJson.put("email", user.email());
        userJson.put("image", user.image());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", userJson);
        json.put("expires", session.get().expires().toString());
        return config.callbacks().session().session(json, user);
    }

    /**
     * @param user a session's user
     * @return the caller's groups from the configured roles field (one name, comma-separated names, or a list)
     */
    public Set<String> groups(SessionUser user) {
        Set<String> groups = new LinkedHashSet<>();
        config.rolesField().map(field -> user.attributes().get(field)).ifPresent(value -> {
            if (value instanceof Collection<?> many) {
                many.forEach(v -> addGroups(groups, String.valueOf(v)));
            } else {
                addGroups(groups, String.valueOf(value));
            }
        });
        return groups;
    }

    private static void addGroups(Set<String> groups, String value) {
        for (String group : value.split(",")) {
            if (!group.isBlank()) {
                groups.add(group.strip());
            }
        }
    }

    /**
     * Signs out everywhere else: ends every session of the caller's user except this one.
     *
     * @param exchange the request of a signed-in user
     * @return how many sessions were ended
     * @throws UnsupportedOperationException for JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    public int signOutOtherSessions(HttpExchange exchange) {
        return sessions.endOtherSessions(exchange);
    }

    // ---- CSRF ---------------------------------------------------------------------------------------------

    /**
     * The caller's CSRF token, reusing a valid cookie or setting a new one.
     *
     * @param exchange any request
     * @return the token to put in forms ({@code csrfToken}) or the {@code X-CSRF-Token} header
     */
    public String csrfToken(HttpExchange exchange) {
        AuthCookies cookies = cookies(exchange);
        Optional<String> existing = exchange.cookie(cookies.csrfToken()).flatMap(csrf::tokenOf);
        if (existing.isPresent()) {
            return existing.get();
        }
        CsrfTokens.Issued issued = csrf.issue();
        exchange.addCookie(new CookieSpec(cookies.csrfToken(), issued.cookieValue(), null, cookies.secure()));
        return issued.token();
    }

    /**
     * @param exchange a state-changing request
     * @throws AuthFlowException {@code MissingCSRF} unless the form or header token matches the cookie
     */
    public void requireCsrf(HttpExchange exchange) {
        String submitted = exchange.parameter(CsrfTokens.FORM_FIELD);
        if (submitted == null) {
            submitted = exchange.header(CsrfTokens.HEADER);
        }
        if (!csrf.verify(exchange.cookie(cookies(exchange).csrfToken()).orElse(null), submitted)) {
            throw new AuthFlowException(AuthErrorCode.MissingCSRF, "CSRF token missing or not matching the cookie");
        }
    }

    // ---- providers ------------------------------------------------------------------------------------------

    /**
     * @param exchange any request
     * @return {@code GET /api/auth/providers}'s body: per id {@code {id, name, type, signinUrl, callbackUrl}}
     */
    public Map<String, Object> providersJson(HttpExchange exchange) {
        String base = baseUrl(exchange) + BASE_PATH;
        Map<String, Object> json = new LinkedHashMap<>();
        for (ProviderConfig provider : config.providers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", provider.id());
            entry.put("name", provider.name());
            entry.put("type", provider.type());
            entry.put("signinUrl", base + "/signin/" + provider.id());
            entry.put("callbackUrl", base + "/callback/" + provider.id());
            json.put(provider.id(), entry);
        }
        return json;
    }

    // ---- sign-in ------------------------------------------------------------------------------------------

    /**
     * Starts a sign-in ({@code POST /api/auth/signin/{provider}}; the caller checks CSRF). For OAuth: the provider's
     * authorization URL. For e-mail: sends the link (parameter {@code email}) and returns the verify-request page.
     *
     * @param exchange   the request, with optional parameter {@code callbackUrl}
     * @param providerId the provider id
     * @return where to send the browser
     * @throws AuthFlowException for an unknown provider, a malformed address, or a provider failure
     * @throws dev.authschema.engine.ratelimit.RateLimitedException over the sign-in e-mail limits
     */
    public String signIn(HttpExchange exchange, String providerId) {
        ProviderConfig provider = provider(providerId);
        String tooLong = InputLimits.tooLong("callbackUrl", exchange.parameter("callbackUrl"));
        if (tooLong != null) { // refused, not shortened: also for callers through AuthService
            throw new AuthFlowException(provider instanceof OAuthProviderConfig ? AuthErrorCode.OAuthSignin
                    : AuthErrorCode.EmailSignin, tooLong);
        }
        String base = baseUrl(exchange);
        String callbackUrl = safeRedirect(exchange.parameter("callbackUrl"), base);
        if (provider instanceof OAuthProviderConfig oauth) {
            AuthCookies cookies = cookies(exchange);
            exchange.addCookie(new CookieSpec(cookies.callbackUrl(), encode(callbackUrl), null, cookies.secure()));
            return oauthClient.begin(exchange, cookies, oauth, callbackEndpoint(base, oauth)).toString();
        }
        EmailProviderConfig email = (EmailProviderConfig) provider;
        rateLimiter.checkEmailSignIn(exchange, exchange.parameter("email")); // before any database read or mail
        try {
            emailSignIn(email).sendLink(exchange.parameter("email"), callbackUrl,
                    callbackEndpoint(base, email).toString());
        } catch (InvalidEmailException e) {
            throw new AuthFlowException(AuthErrorCode.EmailSignin, "malformed e-mail address: " + e.getMessage(), e);
        }
        return page(base, config.pages().verifyRequest(), BASE_PATH + "/verify-request") + "?provider="
                + encode(email.id()) + "&type=email";
    }

    /**
     * Finishes a sign-in ({@code /api/auth/callback/{provider}}): the OAuth redirect back, or the POST of the
     * e-mail confirmation page (the caller checks CSRF for that one). Starts a new session.
     *
     * @param exchange   the request
     * @param providerId the provider id
     * @return where to send the browser
     * @throws AuthFlowException with the code to show
     */
    public String callback(HttpExchange exchange, String providerId) {
        ProviderConfig provider = provider(providerId);
        String base = baseUrl(exchange);
        AdapterUser user;
        AdapterAccount account = null;
        boolean isNewUser;
        String callbackUrl;
        if (provider instanceof OAuthProviderConfig oauth) {
            AuthCookies cookies = cookies(exchange);
            callbackUrl = exchange.cookie(cookies.callbackUrl()).map(AuthEngine::decode).orElse(null);
            exchange.addCookie(CookieSpec.delete(cookies.callbackUrl(), cookies.secure()));
            OAuthClient.Result result = oauthClient.finish(exchange, cookies, oauth, callbackEndpoint(base, oauth));
            Optional<AdapterUser> signedIn = session(exchange)
                    .flatMap(s -> requireAdapter().getUser(s.user().id()));
            OAuthSignIn.Outcome outcome = requireOAuthSignIn().complete(oauth, result, signedIn);
            user = outcome.user();
            account = outcome.account();
            isNewUser = outcome.isNewUser();
        } else {
            EmailProviderConfig email = (EmailProviderConfig) provider;
            callbackUrl = exchange.parameter("callbackUrl");
            EmailSignIn.Verified verified = emailSignIn(email).consume(exchange.parameter("email"),
                    exchange.parameter("token"));
            user = verified.user();
            isNewUser = verified.isNewUser();
        }
        sessions.start(exchange, user, account);
        notifySignIn(user, account, providerId, isNewUser);
        if (isNewUser && config.pages().newUser() != null) {
            return safeRedirect(config.pages().newUser(), base);
        }
        return safeRedirect(callbackUrl, base);
    }

    /**
     * Signs out ({@code POST /api/auth/signout}; the caller checks CSRF).
     *
     * @param exchange the request, with optional parameter {@code callbackUrl}
     * @return where to send the browser
     */
    public String signOut(HttpExchange exchange) {
        Optional<String> userId = sessions.end(exchange);
        userId.ifPresent(id -> {
            try {
                config.events().signOut(id);
            } catch (RuntimeException e) {
                log.error("signOut event listener failed", e);
            }
        });
        return safeRedirect(exchange.parameter("callbackUrl"), baseUrl(exchange));
    }

    /**
     * @param exchange any request
     * @param code     what went wrong
     * @return the error page ({@code ?error=Code}); sign-in errors go to the custom sign-in page when there is one,
     *         as in Auth.js
     */
    public String errorUrl(HttpExchange exchange, AuthErrorCode code) {
        String base = baseUrl(exchange);
        boolean signInError = code != AuthErrorCode.Configuration && code != AuthErrorCode.AccessDenied
                && code != AuthErrorCode.Verification && code != AuthErrorCode.Default;
        String page = signInError && config.pages().signIn() != null
                ? page(base, config.pages().signIn(), null)
                : page(base, config.pages().error(), BASE_PATH + "/error");
        return page + (page.contains("?") ? "&" : "?") + "error=" + code.name();
    }

    /**
     * For when no trusted base URL exists for the request ({@link #baseUrl} refused it): the error page as a path on
     * the host the browser already uses, so that no absolute URL is built from the request.
     *
     * @param exchange any request
     * @param code     what went wrong
     * @return the error page's path with {@code ?error=Code}
     */
    public String errorPath(HttpExchange exchange, AuthErrorCode code) {
        String configured = config.pages().error();
        String page = configured != null && !configured.startsWith("http://") && !configured.startsWith("https://")
                ? exchange.contextPath() + configured : exchange.contextPath() + BASE_PATH + "/error";
        return page + (page.contains("?") ? "&" : "?") + "error=" + code.name();
    }

    /**
     * @param url     a requested redirect target (untrusted)
     * @param baseUrl the application's base URL
     * @return the target the redirect callback allows
     */
    public String safeRedirect(String url, String baseUrl) {
        return config.callbacks().redirect().redirect(url, baseUrl);
    }

    private void notifySignIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
        try {
            config.events().signIn(user, account, provider, isNewUser);
        } catch (RuntimeException e) {
            log.error("signIn event listener failed", e);
        }
        log.debug(() -> "user " + user.id() + " signed in with " + provider + (isNewUser ? " (new user)" : ""));
    }

    private ProviderConfig provider(String id) {
        return config.provider(id).orElseThrow(() -> new AuthFlowException(AuthErrorCode.Configuration,
                "no provider with id '" + id + "' is configured"));
    }

    private EmailSignIn emailSignIn(EmailProviderConfig provider) {
        EmailSender sender = provider.sender() != null ? provider.sender()
                : JakartaMailSender.fromJndi(provider.mailSessionJndiName());
        return new EmailSignIn(provider, requireAdapter(), sender, config.secret(), config.clock(),
                config.callbacks().signIn(), log);
    }

    private AuthAdapter requireAdapter() {
        return config.adapter().orElseThrow(() -> new AuthFlowException(AuthErrorCode.Configuration,
                "this sign-in needs an adapter"));
    }

    private OAuthSignIn requireOAuthSignIn() {
        if (oauthSignIn == null) {
            throw new AuthFlowException(AuthErrorCode.Configuration, "OAuth sign-in needs an adapter to store"
                    + " users and accounts");
        }
        return oauthSignIn;
    }

    private static URI callbackEndpoint(String base, ProviderConfig provider) {
        return URI.create(base + BASE_PATH + "/callback/" + provider.id());
    }

    private static String page(String base, String configured, String builtIn) {
        String path = configured != null ? configured : builtIn;
        return path.startsWith("http://") || path.startsWith("https://") ? path : base + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
