package dev.authschema.engine.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A cookie to set: always {@code HttpOnly}, {@code SameSite=Lax} and {@code Path=/}; {@code Secure} under HTTPS.
 *
 * @param name   the cookie name, with its {@code __Secure-}/{@code __Host-} prefix when secure
 * @param value  the value, already cookie-safe (base64url, JWE compact form or URL-encoded)
 * @param maxAge how long the browser keeps it; {@code null} for a browser-session cookie, zero to delete it
 * @param secure whether to add {@code Secure}
 */
public record CookieSpec(String name, String value, Duration maxAge, boolean secure) {

    /**
     * @param name the cookie name
     * @param value the value
     * @param maxAge how long the browser keeps it, or {@code null}
     * @param secure whether to add {@code Secure}
     */
    public CookieSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param name   the cookie name
     * @param secure whether the cookie was set {@code Secure}
     * @return a cookie that makes the browser forget {@code name}
     */
    public static CookieSpec delete(String name, boolean secure) {
        return new CookieSpec(name, "", Duration.ZERO, secure);
    }

    /**
     * @return the value of a {@code Set-Cookie} header
     */
    public String toSetCookieHeader() {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (maxAge != null) {
            header.append("; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        }
        header.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }

    /** Leaves out the value: most cookies here are credentials. */
    @Override
    public String toString() {
        return "CookieSpec[name=" + name + ", maxAge=" + maxAge + ", secure=" + secure + "]";
    }
}
