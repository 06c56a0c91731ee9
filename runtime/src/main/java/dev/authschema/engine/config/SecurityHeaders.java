package dev.authschema.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hardening headers the runtime's filter puts on every response of the application (the engine's endpoints and
 * pages and the application's own pages), as {@link AuthConfig.Builder#securityHeaders(SecurityHeaders)} sets them.
 * Immutable: {@link #with} and {@link #without} return a changed copy.
 *
 * <p>{@link #defaults()}:
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a JSON answer or an upload is never run as a script or page;</li>
 *   <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: other sites learn at most the origin. Pages whose
 *       URL carries a sign-in token (a {@code token} query parameter: the engine's confirmation page and an
 *       application's own) always get {@code no-referrer}, whatever is configured here;</li>
 *   <li>{@code X-Frame-Options: DENY} and {@code Content-Security-Policy: frame-ancestors 'none'}: no page can be
 *       framed by another site (clickjacking);</li>
 *   <li>{@code Cache-Control: no-store} on every response to a browser that carries a session cookie (it may show
 *       account data), see {@link #noStoreWhenSignedIn()}. The engine's own responses always have it.</li>
 * </ul>
 * A header the application sets itself while handling a request replaces the filter's value.
 *
 * <pre>{@code
 * .securityHeaders(SecurityHeaders.defaults()
 *         .with("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
 *         .with("Strict-Transport-Security", "max-age=31536000"))
 * }</pre>
 */
public final class SecurityHeaders {

    /** A header name: an HTTP token. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final SecurityHeaders DEFAULTS = new SecurityHeaders(Map.of(), true)
            .with("X-Content-Type-Options", "nosniff")
            .with("Referrer-Policy", "strict-origin-when-cross-origin")
            .with("X-Frame-Options", "DENY")
            .with("Content-Security-Policy", "frame-ancestors 'none'");

    private final Map<String, String> headers;
    private final boolean noStoreWhenSignedIn;

    private SecurityHeaders(Map<String, String> headers, boolean noStoreWhenSignedIn) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.noStoreWhenSignedIn = noStoreWhenSignedIn;
    }

    /**
     * @return the recommended headers (see the class description)
     */
    public static SecurityHeaders defaults() {
        return DEFAULTS;
    }

    /**
     * @return no headers at all and no {@code no-store} for signed-in browsers; for an application whose proxy sets
     *         them (the engine's endpoints still send {@code Cache-Control: no-store}, and token pages
     *         {@code no-referrer})
     */
    public static SecurityHeaders none() {
        return new SecurityHeaders(Map.of(), false);
    }

    /**
     * @param name  a header name, such as {@code Permissions-Policy}; replaces a header of the same name, whatever
     *              its case
     * @param value its value
     * @return a copy with the header
     * @throws IllegalArgumentException if the name is not an HTTP token or the value holds a line break
     */
    public SecurityHeaders with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("securityHeaders: '" + name + "' is not a valid header name (letters,"
                    + " digits and - only, such as Permissions-Policy)");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("securityHeaders: the value of " + name + " holds a line break;"
                    + " put the whole value on one line");
        }
        Map<String, String> copy = new LinkedHashMap<>(without(name).headers);
        copy.put(name, value);
        return new SecurityHeaders(copy, noStoreWhenSignedIn);
    }

    /**
     * @param name a header name, whatever its case
     * @return a copy without that header
     */
    public SecurityHeaders without(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
        return new SecurityHeaders(copy, noStoreWhenSignedIn);
    }

    /**
     * @param value whether responses to a browser with a session cookie get {@code Cache-Control: no-store}
     * @return a copy with that setting
     */
    public SecurityHeaders withNoStoreWhenSignedIn(boolean value) {
        return new SecurityHeaders(headers, value);
    }

    /**
     * @return the headers, by name, in the order they were added
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @return whether responses to a browser with a session cookie get {@code Cache-Control: no-store} (on by
     *         default: such pages may show account data, and a shared computer's back button or a proxy must not
     *         show them to the next person)
     */
    public boolean noStoreWhenSignedIn() {
        return noStoreWhenSignedIn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityHeaders that
                && headers.equals(that.headers)
                && noStoreWhenSignedIn == that.noStoreWhenSignedIn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, noStoreWhenSignedIn);
    }

    @Override
    public String toString() {
        return "SecurityHeaders" + headers + (noStoreWhenSignedIn ? " + no-store when signed in" : "");
    }
}
