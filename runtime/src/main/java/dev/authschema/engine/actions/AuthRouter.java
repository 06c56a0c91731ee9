package dev.authschema.engine.actions;

import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.ActiveSession;
import dev.authschema.engine.pages.ThemeStylesheet;
import dev.authschema.engine.session.SessionTooLargeException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's one router: which action a request runs, and what each needs first. Both entrances come through here,
 * {@code AuthServlet} with an HTTP request ({@link #endpoint}) and {@code AuthService} with a typed request
 * ({@link #service}); both run the same action ({@link #perform}) and leave failures to the same {@link ErrorPolicy}.
 *
 * <p>Before an endpoint's action runs, in this order: the per-client POST rate limit (every POST, and the OAuth
 * callback's GET, which makes the server call the provider); the typed request is read from the parameters; the
 * {@link CsrfPolicy} for the POSTs that need it. The e-mail limits are part of {@link SignIn}, for both entrances.
 * The input limits are applied even earlier, by the servlet, before anything reads a parameter.
 */
public final class AuthRouter {

    /** Where the endpoints live, relative to the context path. */
    public static final String BASE_PATH = "/api/auth";

    /** The endpoints that answer JSON, also when they fail. */
    private static final Set<String> JSON_ACTIONS =
            Set.of("session", "sessions", "csrf", "providers", "webauthn-options");

    /** The two methods the endpoints serve; HEAD is a GET without the body. */
    public enum Method {
        /** GET or HEAD. */
        GET,
        /** POST. */
        POST
    }

    private final ActionContext context;

    /**
     * @param context the engine's shared parts
     */
    public AuthRouter(ActionContext context) {
        this.context = context;
    }

    /**
     * The endpoints' entrance: {@code GET session | csrf | providers | signin | signout | theme.css | error |
     * verify-request | callback/{id} | webauthn-options/{id} | passkeys.js | dev/mailbox} and
     * {@code POST signin/{id} | callback/{id} | signout | session}; with a password provider also
     * {@code GET signup/{id} | password/forgot | password/reset} and
     * {@code POST signup/{id} | password/change | password/forgot | password/reset}.
     *
     * <p>And the sessions API, {@code GET sessions} and {@code POST sessions/end}, only where sessions can be listed
     * (database sessions, an adapter with {@code AdapterMaintenance}); with JWT sessions they answer 404.
     *
     * @param exchange the request and response
     * @param method   how it was asked
     * @param pathInfo the path after {@link #BASE_PATH}, e.g. {@code /signin/email}, or {@code null}
     * @return the answer; never throws for a failure of the action
     */
    public Reply endpoint(HttpExchange exchange, Method method, String pathInfo) {
        String path = pathInfo == null ? "" : pathInfo;
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/", 2);
        String action = parts[0];
        String providerId = parts.length > 1 ? parts[1] : "";
        try {
            return method == Method.GET ? get(exchange, action, providerId) : post(exchange, action, providerId);
        } catch (RuntimeException e) {
            return context.errors()
                    .forEndpoint(exchange, JSON_ACTIONS.contains(action), method + " " + FlowLog.untrusted(path), e);
        }
    }

    private Reply get(HttpExchange exchange, String action, String providerId) {
        switch (action) {
            case "session":
                return Reply.Json.ok(Session.json(context, exchange));
            case "sessions":
                return providerId.isEmpty() && context.sessions().listsSessions()
                        ? Reply.Json.ok(Sessions.json(Sessions.list(context, exchange)))
                        : new Reply.NotFound();
            case "csrf":
                return Reply.Json.ok(Csrf.json(context, exchange));
            case "providers":
                return Reply.Json.ok(Providers.json(context, exchange));
            case "signin":
                return providerId.isEmpty() ? SignInPage.page(context, exchange) : new Reply.NotFound();
            case "signout":
                return SignOutPage.page(context, exchange);
            case "signup":
                return context.isPasswordProvider(providerId)
                        ? PasswordAction.page(context, exchange, "signup")
                        : new Reply.NotFound();
            case "password":
                return context.passwordProvider().isPresent()
                                && ("forgot".equals(providerId) || "reset".equals(providerId))
                        ? PasswordAction.page(context, exchange, providerId)
                        : new Reply.NotFound();
            case "theme.css":
                return new Reply.Stylesheet(ThemeStylesheet.of(context.config().theme()));
            case "error":
                return ErrorPage.page(context, exchange, exchange.parameter("error"));
            case "verify-request":
                return VerifyRequest.page(context, exchange);
            case "webauthn-options":
                // Counted like a POST: it sets a cookie, and a registration's options read the database.
                context.rateLimiter().checkPost(exchange);
                return Reply.Json.ok(WebAuthnOptions.json(context, exchange, providerId));
            case "passkeys.js":
                return PasskeyScript.reply();
            case "dev":
                return "mailbox".equals(providerId)
                        ? DevelopmentMailboxPage.page(context, exchange)
                        : new Reply.NotFound();
            case "callback":
                ActionRequest request = Callback.from(context, exchange, providerId);
                if (request instanceof Callback.CodeRequest code) {
                    // The page to type a mailed code into; only its POST counts an attempt.
                    return EmailCodePage.page(
                            context, exchange, context.provider(code.providerId(), EmailProviderConfig.class));
                }
                if (request instanceof Callback.EmailRequest link) {
                    return ConfirmEmail.page(context, exchange, link); // only its POST uses the token up
                }
                if (request instanceof PasswordAction.Request) {
                    return new Reply.NotFound(); // a password is posted, never sent in a URL
                }
                // Counted like a POST: each OAuth callback makes the server call the provider's token endpoint with
                // the application's client credentials, and a flow's cookies can be replayed for their lifetime.
                context.rateLimiter().checkPost(exchange);
                return redirect(exchange, perform(exchange, request));
            default:
                return new Reply.NotFound();
        }
    }

    private Reply post(HttpExchange exchange, String action, String providerId) {
        context.rateLimiter().checkPost(exchange); // before reading the body or touching the database
        if ("session".equals(action) && providerId.isEmpty()) {
            return updateSession(exchange);
        }
        if ("sessions".equals(action)) {
            return "end".equals(providerId) ? endSession(exchange) : new Reply.NotFound();
        }
        ActionRequest request;
        switch (action) {
            case "signin" -> request = SignIn.Request.from(exchange, providerId);
            case "callback" -> request = Callback.from(context, exchange, providerId);
            case "signout" -> request = SignOut.Request.from(exchange);
            case "signup" -> {
                if (!context.isPasswordProvider(providerId)) {
                    return new Reply.NotFound();
                }
                request = PasswordAction.signUpFrom(exchange, providerId);
            }
            case "password" -> {
                if (context.passwordProvider().isEmpty()) {
                    return new Reply.NotFound();
                }
                request = PasswordAction.fromPath(context, exchange, providerId);
                if (request == null) {
                    return new Reply.NotFound();
                }
            }
            default -> {
                return new Reply.NotFound();
            }
        }
        if (request instanceof Callback.OAuthRequest formPost) {
            // A provider's form_post (Apple): a cross-site POST, which carries none of the flow's SameSite=Lax
            // cookies. Sent on as a GET to the same callback, a top-level navigation that does carry them; nothing
            // is read or written here, so the POST itself can do no more than a forged GET callback could.
            return new Reply.Redirect(Callback.asQuery(context, exchange, formPost));
        }
        if (CsrfPolicy.required(request)) {
            context.csrf().check(exchange);
        }
        return redirect(exchange, perform(exchange, request));
    }

    /** {@code POST session}: always CSRF-checked, answers JSON like {@code GET session}. */
    private Reply updateSession(HttpExchange exchange) {
        context.csrf().check(exchange);
        UpdateSession.Request request;
        try {
            request = UpdateSession.Request.from(exchange);
        } catch (IllegalArgumentException e) {
            context.log().warn("refused POST /session: " + e.getMessage());
            return new Reply.Refusal(400, "Bad request: " + e.getMessage() + ".\n");
        }
        try {
            return Reply.Json.ok(UpdateSession.run(context, exchange, request).json());
        } catch (SessionTooLargeException e) {
            context.log().warn("refused POST /session: " + e.getMessage());
            return new Reply.Refusal(400, "Bad request: " + e.getMessage() + ".\n");
        }
    }

    /**
     * {@code POST sessions/end}: CSRF-checked, ends one of the caller's own sessions by its handle and answers
     * {@code {"ended": true|false}}.
     */
    private Reply endSession(HttpExchange exchange) {
        if (!context.sessions().listsSessions()) {
            return new Reply.NotFound();
        }
        context.csrf().check(exchange);
        boolean ended = Sessions.end(context, exchange, exchange.parameter(Sessions.HANDLE_FIELD));
        return Reply.Json.ok(Map.of("ended", ended));
    }

    /**
     * {@code AuthService}'s list of the caller's sessions.
     *
     * @param exchange the page's request and response
     * @return the live sessions of the caller's user, the one that ends last first; empty when signed out
     * @throws IllegalStateException with JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    public List<ActiveSession> sessions(HttpExchange exchange) {
        return Sessions.list(context, exchange);
    }

    /**
     * {@code AuthService}'s end of one of the caller's sessions, without the endpoint's POST limit and CSRF check
     * (the application's {@code FormCsrfFilter} checked the page's form).
     *
     * @param exchange the page's request and response
     * @param handle   a handle from {@link #sessions} (untrusted)
     * @return whether a session was ended
     * @throws IllegalStateException with JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    public boolean endSession(HttpExchange exchange, String handle) {
        return Sessions.end(context, exchange, handle);
    }

    /**
     * {@code AuthService}'s update of the caller's session, without the endpoint's POST limit and CSRF check (the
     * application's {@code FormCsrfFilter} checked the page's form).
     *
     * @param exchange the page's request and response
     * @param request  the data
     * @return the updated session and its JSON
     */
    public UpdateSession.Outcome updateSession(HttpExchange exchange, UpdateSession.Request request) {
        return UpdateSession.run(context, exchange, request);
    }

    /**
     * {@code AuthService}'s entrance, for the application's own pages: the action without the endpoints' POST limit
     * and CSRF check (the application's {@code FormCsrfFilter} checked the page's form), failures as the error page.
     *
     * @param exchange the page's request and response
     * @param request  what to do
     * @return the URL to redirect to: the action's, or the error page ({@code ?error=Code})
     */
    public String service(HttpExchange exchange, ActionRequest request) {
        try {
            return perform(exchange, request);
        } catch (RuntimeException e) {
            return context.errors().forService(exchange, "the sign-in operation " + operation(request), e);
        }
    }

    private static String operation(ActionRequest request) {
        String what = request instanceof SignIn.Request
                ? "sign-in"
                : request instanceof SignOut.Request
                        ? "sign-out"
                        : request instanceof PasswordAction.Request ? "password operation" : "callback";
        return request.providerId() == null ? what : what + " of provider " + FlowLog.untrusted(request.providerId());
    }

    /**
     * Runs one action, with no policy around it.
     *
     * @param exchange the request and response
     * @param request  what to do
     * @return where to send the browser
     * @throws dev.authschema.engine.model.AuthFlowException with the code to show
     */
    public String perform(HttpExchange exchange, ActionRequest request) {
        if (request instanceof SignIn.Request signIn) {
            return SignIn.run(context, exchange, signIn);
        }
        if (request instanceof Callback.OAuthRequest oauth) {
            return Callback.oauth(context, exchange, oauth);
        }
        if (request instanceof Callback.EmailRequest email) {
            return Callback.email(context, exchange, email);
        }
        if (request instanceof PasskeyCallback.Request passkey) {
            return PasskeyCallback.run(context, exchange, passkey);
        }
        if (request instanceof Callback.CodeRequest code) {
            return Callback.emailCode(context, exchange, code);
        }
        if (request instanceof PasswordAction.Request password) {
            return PasswordAction.run(context, exchange, password);
        }
        return SignOut.run(context, exchange, (SignOut.Request) request);
    }

    /**
     * @param exchange any request
     * @return {@code GET session}'s body
     */
    public Map<String, Object> sessionJson(HttpExchange exchange) {
        return Session.json(context, exchange);
    }

    /**
     * @param exchange any request
     * @return {@code GET providers}'s body
     */
    public Map<String, Object> providersJson(HttpExchange exchange) {
        return Providers.json(context, exchange);
    }

    /** A client that sends {@code X-Auth-Return-Redirect} gets {@code {"url": ...}} instead of a 302. */
    static Reply redirect(HttpExchange exchange, String url) {
        return exchange.header("X-Auth-Return-Redirect") != null
                ? Reply.Json.ok(Map.of("url", url))
                : new Reply.Redirect(url);
    }
}
