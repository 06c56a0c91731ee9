package dev.authschema.engine;

import dev.authschema.engine.actions.ActionContext;
import dev.authschema.engine.actions.AuthRouter;
import dev.authschema.engine.actions.Callback;
import dev.authschema.engine.actions.SignIn;
import dev.authschema.engine.actions.SignOut;
import dev.authschema.engine.actions.UpdateSession;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.TrustedBaseUrl;
import dev.authschema.engine.model.ActiveSession;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.model.SessionUser;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-in engine, one per application: its {@link AuthRouter} (which the servlet and {@code AuthService} go
 * through) and the operations that the authentication mechanism, the form CSRF filter, applications and tests use
 * directly. Independent of servlets and CDI; thread-safe. The actions themselves are in
 * {@link dev.authschema.engine.actions}, one class each.
 */
public final class AuthEngine {

    private final ActionContext context;
    private final AuthRouter router;

    /**
     * @param config the validated configuration
     */
    public AuthEngine(AuthConfig config) {
        this.context = new ActionContext(config);
        this.router = new AuthRouter(context);
        context.log().debug(() -> "engine ready: " + config);
    }

    /**
     * @return the configuration
     */
    public AuthConfig config() {
        return context.config();
    }

    /**
     * A valid access token of the user's account at an OAuth provider, refreshed through the provider's token
     * endpoint when it expired (single-flight per account on every server sharing the database).
     *
     * @param userId     the user
     * @param providerId the OAuth or OpenID Connect provider
     * @return the access token
     * @throws dev.authschema.engine.oauth.RefreshAccessTokenError if there is none and none can be had
     */
    public String accessToken(String userId, String providerId) {
        return context.accessTokens().accessToken(userId, providerId);
    }

    /**
     * @return the router of the endpoints and of {@code AuthService}
     */
    public AuthRouter router() {
        return router;
    }

    /**
     * @param exchange any request
     * @return whether it gets {@code Secure}, prefixed cookies
     */
    public boolean secureCookies(HttpExchange exchange) {
        return context.cookies().secure(exchange);
    }

    /**
     * @param exchange any request
     * @return the cookie names for it
     */
    public AuthCookies cookies(HttpExchange exchange) {
        return context.cookies().names(exchange);
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
        return context.baseUrl(exchange);
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    /**
     * @param exchange any request
     * @return the caller's valid session, or empty; never throws for a bad cookie
     */
    public Optional<AuthSession> session(HttpExchange exchange) {
        return context.sessions().read(exchange);
    }

    /**
     * @param exchange any request
     * @return {@code GET /api/auth/session}'s body: {@code {user: {name, email, image}, expires}} shaped by the
     *         session callback, or an empty map when signed out
     */
    public Map<String, Object> sessionJson(HttpExchange exchange) {
        return router.sessionJson(exchange);
    }

    /**
     * Updates the caller's own session, as {@code POST /api/auth/session} without its CSRF check: the JWT and session
     * callbacks see {@code UPDATE} and the data.
     *
     * @param exchange the request and response (JWT sessions: receives the re-issued cookie)
     * @param data     the update's data (untrusted unless the application made it)
     * @return the updated session and its JSON; empty and {@code {}} when signed out
     */
    public UpdateSession.Outcome updateSession(HttpExchange exchange, Map<String, Object> data) {
        return router.updateSession(exchange, new UpdateSession.Request(data));
    }

    /**
     * @param user a session's user
     * @return the caller's groups from the configured roles field (one name, comma-separated names, or a list)
     */
    public Set<String> groups(SessionUser user) {
        Set<String> groups = new LinkedHashSet<>();
        context.config().rolesField().map(field -> user.attributes().get(field)).ifPresent(value -> {
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
        return context.sessions().endOtherSessions(exchange);
    }

    /**
     * The live database sessions of the caller's user, each named by an opaque handle (never its token).
     *
     * @param exchange any request
     * @return the sessions, the one that ends last first; empty when signed out
     * @throws IllegalStateException with JWT sessions (they are listed only with {@code SessionStrategy.DATABASE})
     *                               or an adapter without {@code AdapterMaintenance}
     */
    public List<ActiveSession> sessions(HttpExchange exchange) {
        return router.sessions(exchange);
    }

    /**
     * Ends one session of the caller's user by its handle, as {@code POST /api/auth/sessions/end} without its CSRF
     * check. A handle of another user's session, a stale or a forged one ends nothing.
     *
     * @param exchange the request and response (ending the caller's own session clears its cookie)
     * @param handle   a handle from {@link #sessions} (untrusted)
     * @return whether a session was ended
     * @throws IllegalStateException with JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    public boolean endSession(HttpExchange exchange, String handle) {
        return router.endSession(exchange, handle);
    }

    // ---- CSRF ---------------------------------------------------------------------------------------------

    /**
     * The caller's CSRF token, reusing a valid cookie or setting a new one.
     *
     * @param exchange any request
     * @return the token to put in forms ({@code csrfToken}) or the {@code X-CSRF-Token} header
     */
    public String csrfToken(HttpExchange exchange) {
        return context.csrf().token(exchange);
    }

    /**
     * The double-submit check of {@link dev.authschema.engine.actions.CsrfPolicy}, for the application's own forms
     * ({@code FormCsrfFilter}) and servlets.
     *
     * @param exchange a state-changing request
     * @throws AuthFlowException {@code MissingCSRF} unless the form or header token matches the cookie
     */
    public void requireCsrf(HttpExchange exchange) {
        context.csrf().check(exchange);
    }

    // ---- actions with the request's own parameters ----------------------------------------------------------

    /**
     * @param exchange any request
     * @return {@code GET /api/auth/providers}'s body: per id {@code {id, name, type, signinUrl, callbackUrl}}
     */
    public Map<String, Object> providersJson(HttpExchange exchange) {
        return router.providersJson(exchange);
    }

    /**
     * The sign-in action with the request's parameters {@code callbackUrl} and {@code email}, without the
     * endpoint's CSRF check and error policy.
     *
     * @param exchange   the request
     * @param providerId the provider id
     * @return where to send the browser
     * @throws AuthFlowException for an unknown provider, a malformed address, or a provider failure
     * @throws dev.authschema.engine.ratelimit.RateLimitedException over the sign-in e-mail limits
     */
    public String signIn(HttpExchange exchange, String providerId) {
        return router.perform(exchange, SignIn.Request.from(exchange, providerId));
    }

    /**
     * The callback action with the request's parameters (OAuth: {@code code}, {@code state}, {@code error}; e-mail:
     * {@code email}, {@code token}, {@code callbackUrl}), without the endpoint's CSRF check and error policy.
     *
     * @param exchange   the request
     * @param providerId the provider id
     * @return where to send the browser
     * @throws AuthFlowException with the code to show
     */
    public String callback(HttpExchange exchange, String providerId) {
        return router.perform(exchange, Callback.from(context, exchange, providerId));
    }

    /**
     * The sign-out action with the request's parameter {@code callbackUrl}, without the endpoint's CSRF check.
     *
     * @param exchange the request
     * @return where to send the browser
     */
    public String signOut(HttpExchange exchange) {
        return router.perform(exchange, SignOut.Request.from(exchange));
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    /**
     * @param exchange any request
     * @param code     what went wrong
     * @return the error page ({@code ?error=Code}); sign-in errors go to the custom sign-in page when there is one
     * @see dev.authschema.engine.actions.ErrorPolicy#errorUrl
     */
    public String errorUrl(HttpExchange exchange, AuthErrorCode code) {
        return context.errors().errorUrl(exchange, code);
    }

    /**
     * @param url     a requested redirect target (untrusted)
     * @param baseUrl the application's base URL
     * @return the target the redirect callback allows
     */
    public String safeRedirect(String url, String baseUrl) {
        return context.safeRedirect(url, baseUrl);
    }
}
