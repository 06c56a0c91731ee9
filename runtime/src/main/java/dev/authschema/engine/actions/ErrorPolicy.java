package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.UntrustedHostException;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.model.SignInRedirectException;
import dev.authschema.engine.pages.BuiltInPages;
import dev.authschema.engine.ratelimit.RateLimitedException;
import java.util.Map;

/**
 * The one place where a failure becomes what the user sees, for both entrances: the endpoints ({@link #forEndpoint})
 * and {@code AuthService} ({@link #forService}). The details go only to the server log.
 *
 * <ul>
 *   <li>No trusted base URL for the request ({@link UntrustedHostException}): one warning line that says which
 *       setting to use; the endpoints answer 400, the service returns the error page as a path on the host the
 *       browser already uses. Nothing is built from the host the request named.</li>
 *   <li>{@link AuthFlowException}: its code. Any other exception: {@code Configuration}, logged with its stack trace
 *       ({@link #codeOf} is where a typed exception gets a code of its own).</li>
 *   <li>Over a rate limit: the endpoints answer 429 with {@code Retry-After}; the service returns
 *       {@code ?error=RateLimited}.</li>
 *   <li>The signIn callback's redirect ({@link SignInRedirectException}): its target, checked by the redirect
 *       callback.</li>
 *   <li>Else the error page with {@code ?error=Code} ({@link #errorUrl}); the JSON endpoints answer 500 with
 *       {@code {"error": "Code"}} (403 for {@code MissingCSRF}).</li>
 * </ul>
 */
public final class ErrorPolicy {

    private final ActionContext context;

    ErrorPolicy(ActionContext context) {
        this.context = context;
    }

    /**
     * What the user is told about a failure: the code of an {@link AuthFlowException}, else {@code Configuration}.
     *
     * @param e         the failure (not an {@link UntrustedHostException}, which has no code)
     * @param operation what failed, for the log, e.g. {@code POST /signin/email}
     * @return the failure as a flow failure with its code
     */
    static AuthFlowException codeOf(RuntimeException e, String operation) {
        if (e instanceof AuthFlowException flow) {
            return flow;
        }
        return new AuthFlowException(AuthErrorCode.Configuration, "unexpected failure in " + operation, e);
    }

    /**
     * @param exchange  the endpoint's request
     * @param json      whether the endpoint answers JSON ({@code session}, {@code csrf}, {@code providers})
     * @param operation what failed, for the log
     * @param e         the failure
     * @return the answer
     */
    Reply forEndpoint(HttpExchange exchange, boolean json, String operation, RuntimeException e) {
        if (e instanceof UntrustedHostException untrusted) {
            return refuseHost(untrusted);
        }
        AuthFlowException failure = codeOf(e, operation);
        log(failure);
        if (failure instanceof RateLimitedException limited) {
            return rateLimited(exchange, limited);
        }
        if (json) {
            // A refused CSRF check is the client's fault, not the server's.
            int status = failure.code() == AuthErrorCode.MissingCSRF ? 403 : 500;
            return new Reply.Json(status, Map.of("error", failure.code().name()), Map.of());
        }
        try {
            if (failure instanceof SignInRedirectException redirect) {
                return AuthRouter.redirect(exchange, redirectTarget(exchange, redirect));
            }
            return AuthRouter.redirect(exchange, errorUrl(exchange, failure.code()));
        } catch (UntrustedHostException untrusted) {
            return refuseHost(untrusted);
        }
    }

    /**
     * @param exchange  the application page's request
     * @param operation what failed, for the log
     * @param e         the failure
     * @return the error page's URL to redirect to
     */
    String forService(HttpExchange exchange, String operation, RuntimeException e) {
        if (e instanceof UntrustedHostException untrusted) {
            context.log().warn(untrusted.getMessage());
            return errorPath(exchange, AuthErrorCode.Configuration);
        }
        AuthFlowException failure = codeOf(e, operation);
        log(failure);
        try {
            if (failure instanceof SignInRedirectException redirect) {
                return redirectTarget(exchange, redirect);
            }
            return errorUrl(exchange, failure.code());
        } catch (UntrustedHostException untrusted) {
            return errorPath(exchange, failure.code());
        }
    }

    /**
     * @param exchange any request
     * @param code     what went wrong
     * @return the error page ({@code ?error=Code}); sign-in errors go to the custom sign-in page when there is one,
     *         as in Auth.js
     * @throws UntrustedHostException when the request has no trusted base URL
     */
    public String errorUrl(HttpExchange exchange, AuthErrorCode code) {
        String base = context.baseUrl(exchange);
        boolean signInError = code != AuthErrorCode.Configuration
                && code != AuthErrorCode.AccessDenied
                && code != AuthErrorCode.Verification
                && code != AuthErrorCode.Default;
        String signIn = context.config().pages().signIn();
        String page = signInError && signIn != null
                ? ActionContext.page(base, signIn, null)
                : ActionContext.page(base, context.config().pages().error(), AuthRouter.BASE_PATH + "/error");
        return page + (page.contains("?") ? "&" : "?") + "error=" + code.name();
    }

    /** The signIn callback's own target, checked by the redirect callback like every other one. */
    private String redirectTarget(HttpExchange exchange, SignInRedirectException redirect) {
        return context.safeRedirect(redirect.target(), context.baseUrl(exchange));
    }

    /**
     * For when no trusted base URL exists for the request: the error page as a path on the host the browser already
     * uses, so that no absolute URL is built from the request.
     *
     * @param exchange any request
     * @param code     what went wrong
     * @return the error page's path with {@code ?error=Code}
     */
    public String errorPath(HttpExchange exchange, AuthErrorCode code) {
        String configured = context.config().pages().error();
        String page = configured != null && !configured.startsWith("http://") && !configured.startsWith("https://")
                ? exchange.contextPath() + configured
                : exchange.contextPath() + AuthRouter.BASE_PATH + "/error";
        return page + (page.contains("?") ? "&" : "?") + "error=" + code.name();
    }

    private void log(AuthFlowException e) {
        if (e.code() == AuthErrorCode.Configuration && e.getCause() != null) {
            context.log().error(e.getMessage(), e);
        } else if (e.code() == AuthErrorCode.Configuration) {
            // Also what a request for an unknown provider gets: one line, so such requests cannot flood the log
            // with stack traces.
            context.log().warn(e.getMessage());
        } else {
            context.log().debug(() -> e.code() + ": " + e.getMessage());
        }
    }

    /** One log line that tells the developer what to set, and a 400. */
    private Reply refuseHost(UntrustedHostException e) {
        context.log().warn(e.getMessage());
        return new Reply.Refusal(
                400,
                "Bad request: this server does not build links for the host this request"
                        + " names. Its log says which setting to use.\n");
    }

    /**
     * 429 and {@code Retry-After}: JSON for API clients (an {@code X-Auth-Return-Redirect} header, or an
     * {@code Accept} that asks for JSON and not HTML), else the built-in page with the wait, since a redirect cannot
     * carry 429.
     */
    private Reply rateLimited(HttpExchange exchange, RateLimitedException e) {
        Map<String, String> headers =
                Map.of("Retry-After", Long.toString(e.retryAfterSeconds()), "Cache-Control", "no-store");
        String accept = exchange.header("Accept");
        boolean json = exchange.header("X-Auth-Return-Redirect") != null
                || accept != null && accept.contains("application/json") && !accept.contains("text/html");
        if (json) {
            return new Reply.Json(429, Map.of("error", AuthErrorCode.RateLimited.name()), headers);
        }
        String page;
        try {
            page = new BuiltInPages(context.config().theme())
                    .rateLimited(context.baseUrl(exchange), e.retryAfterSeconds());
        } catch (UntrustedHostException untrusted) {
            return refuseHost(untrusted);
        }
        return new Reply.Html(429, page, headers);
    }
}
