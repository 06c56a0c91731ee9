package dev.authschema.engine.actions;

import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.CookiePolicy;
import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.util.Optional;

/**
 * The one CSRF rule, Auth.js's double submit: the CSRF cookie holds {@code token|HMAC(secret, token)}, and a request
 * that changes state sends the same token in the form field {@code csrfToken} or the header {@code X-CSRF-Token}.
 *
 * <p>Which requests must carry it ({@link #required}): on the endpoints, every POST (sign-in, sign-out, the e-mail
 * confirmation page, and any action added later) but an OAuth callback, which the provider sends from its own site,
 * guarded by the flow's state cookie instead. {@code AuthService}'s operations run inside the application's own
 * pages, whose forms {@code FormCsrfFilter} checks with {@link #check} before the page runs.
 */
public final class CsrfPolicy {

    private final CsrfTokens tokens;
    private final CookiePolicy cookies;

    CsrfPolicy(CsrfTokens tokens, CookiePolicy cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    /**
     * @param request an endpoint's POST, typed
     * @return whether it must carry the token
     */
    static boolean required(ActionRequest request) {
        return !(request instanceof Callback.OAuthRequest);
    }

    /**
     * The caller's CSRF token, reusing a valid cookie or setting a new one.
     *
     * @param exchange any request
     * @return the token to put in forms ({@code csrfToken}) or the {@code X-CSRF-Token} header
     */
    public String token(HttpExchange exchange) {
        AuthCookies names = cookies.names(exchange);
        Optional<String> existing = exchange.cookie(names.csrfToken()).flatMap(tokens::tokenOf);
        if (existing.isPresent()) {
            return existing.get();
        }
        CsrfTokens.Issued issued = tokens.issue();
        cookies.set(exchange, AuthCookies::csrfToken, issued.cookieValue(), null);
        return issued.token();
    }

    /**
     * @param exchange a state-changing request
     * @throws AuthFlowException {@code MissingCSRF} unless the form or header token matches the cookie
     */
    public void check(HttpExchange exchange) {
        String submitted = exchange.parameter(CsrfTokens.FORM_FIELD);
        if (submitted == null) {
            submitted = exchange.header(CsrfTokens.HEADER);
        }
        if (!tokens.verify(exchange.cookie(cookies.names(exchange).csrfToken()).orElse(null), submitted)) {
            throw new AuthFlowException(AuthErrorCode.MissingCSRF, "CSRF token missing or not matching the cookie");
        }
    }
}
