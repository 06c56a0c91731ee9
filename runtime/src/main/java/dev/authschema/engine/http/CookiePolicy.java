package dev.authschema.engine.http;

import java.time.Duration;
import java.util.function.Function;

/**
 * The engine's one rule for its cookies: whether an exchange gets {@code Secure} cookies, and from that their names
 * ({@code __Secure-}/{@code __Host-} prefixes, {@link AuthCookies}) and flags ({@code HttpOnly}, {@code SameSite=Lax},
 * {@code Path=/}, {@link CookieSpec}). The session stores, the OAuth flow and the CSRF check all take it from here, so
 * no part asks the engine for a cookie name.
 *
 * <p>The one decision is {@link #secure}; everything else follows from it. {@link #of} is the engine's rule; a test
 * may pass {@code HttpExchange::secure} or {@code exchange -> false}.
 */
@FunctionalInterface
public interface CookiePolicy {

    /**
     * The engine's rule: forced by {@code useSecureCookies} if set; else secure when the request came over HTTPS, when
     * {@code AUTH_URL} is {@code https:}, or, with {@code AUTH_TRUST_HOST} and no {@code AUTH_URL}, when the proxy
     * says the browser's side is HTTPS ({@code X-Forwarded-Proto}).
     *
     * @param forced    {@code useSecureCookies}, or {@code null} to decide per request
     * @param url       {@code AUTH_URL}, or {@code null}
     * @param trustHost {@code AUTH_TRUST_HOST}
     * @return the policy
     */
    static CookiePolicy of(Boolean forced, String url, boolean trustHost) {
        if (forced != null) {
            return exchange -> forced;
        }
        boolean httpsUrl = url != null && url.startsWith("https:");
        boolean trustProxy = url == null && trustHost;
        // Behind a TLS-terminating proxy that AUTH_TRUST_HOST trusts, the browser's side is what counts.
        return exchange -> exchange.secure() || httpsUrl || trustProxy && forwardedHttps(exchange);
    }

    /**
     * @param exchange any request
     * @return whether it gets {@code Secure}, prefixed cookies
     */
    boolean secure(HttpExchange exchange);

    /**
     * @param exchange any request
     * @return the cookie names for it
     */
    default AuthCookies names(HttpExchange exchange) {
        return new AuthCookies(secure(exchange));
    }

    /**
     * Sets one of the engine's cookies with the flags the policy gives it.
     *
     * @param exchange the request and response
     * @param name     which cookie, e.g. {@code AuthCookies::sessionToken}
     * @param value    the value, already cookie-safe
     * @param maxAge   how long the browser keeps it, or {@code null} for a browser-session cookie
     */
    default void set(HttpExchange exchange, Function<AuthCookies, String> name, String value, Duration maxAge) {
        AuthCookies names = names(exchange);
        exchange.addCookie(new CookieSpec(name.apply(names), value, maxAge, names.secure()));
    }

    /**
     * Makes the browser forget one of the engine's cookies.
     *
     * @param exchange the request and response
     * @param name     which cookie
     */
    default void delete(HttpExchange exchange, Function<AuthCookies, String> name) {
        AuthCookies names = names(exchange);
        exchange.addCookie(CookieSpec.delete(name.apply(names), names.secure()));
    }

    private static boolean forwardedHttps(HttpExchange exchange) {
        String proto = exchange.header("X-Forwarded-Proto");
        return proto != null && proto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }
}
