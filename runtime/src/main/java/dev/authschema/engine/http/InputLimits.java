package dev.authschema.engine.http;

import java.util.Map;

/**
 * Every size limit on what a client sends to the engine, in one place. A value over its limit is refused, never
 * truncated: a shortened callback URL or address would send the user somewhere they did not ask for. The limits are
 * far above anything a real browser or API client sends, and low enough that an oversized request costs the server
 * nothing (no parsing of megabytes, no megabyte mail, no megabyte log line).
 *
 * <p>The servlet ({@code /api/auth/*}) applies them before it reads anything else of the request
 * ({@code dev.authschema.engine.web.RequestLimits}); the engine applies the ones that matter to each operation again,
 * so that applications calling it through {@code AuthService} get them too.
 */
public final class InputLimits {

    /**
     * Largest request body the endpoints accept, in bytes (16 KiB): a sign-in form is a few hundred bytes. Checked
     * on {@code Content-Length} before the body is parsed.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** Most parameters (query and form together) one request may carry. */
    public static final int MAX_PARAMETERS = 32;

    /** Longest parameter name. */
    public static final int MAX_PARAMETER_NAME = 64;

    /** Longest value of a parameter that has no tighter limit below (OAuth {@code code}, {@code state}, ...). */
    public static final int MAX_PARAMETER_VALUE = 4096;

    /** Longest {@code callbackUrl} (2 KiB, what browsers and proxies reliably carry in a URL). */
    public static final int MAX_CALLBACK_URL = 2048;

    /**
     * Longest e-mail address after normalisation: RFC 5321's 254 characters for a forward path (256 octets minus the
     * angle brackets).
     */
    public static final int MAX_EMAIL = 254;

    /**
     * Longest e-mail address as typed, before normalisation: room for surrounding spaces and for compatibility
     * characters that NFKC shortens, and a bound on the work normalising it costs.
     */
    public static final int MAX_EMAIL_INPUT = 320;

    /** Longest e-mail sign-in token: the engine's tokens are 43 base64url characters; anything much longer is not one. */
    public static final int MAX_TOKEN = 128;

    /** Longest CSRF token (form field or {@code X-CSRF-Token} header): the engine's are 43 base64url characters. */
    public static final int MAX_CSRF_TOKEN = 128;

    /** Longest provider id in a path such as {@code /api/auth/signin/{id}}. */
    public static final int MAX_PROVIDER_ID = 64;

    /** Longest {@code ?error=} code on the error page; the engine's codes are short names. */
    public static final int MAX_ERROR_CODE = 64;

    /** The parameters with a limit tighter than {@link #MAX_PARAMETER_VALUE}, by name. */
    private static final Map<String, Integer> PARAMETER_LIMITS = Map.of(
            "callbackUrl",
            MAX_CALLBACK_URL,
            "email",
            MAX_EMAIL_INPUT,
            "token",
            MAX_TOKEN,
            CsrfTokens.FORM_FIELD,
            MAX_CSRF_TOKEN,
            "error",
            MAX_ERROR_CODE);

    private InputLimits() {}

    /**
     * @param name a parameter name
     * @return the longest value the endpoints accept for it, in characters
     */
    public static int maxLength(String name) {
        return PARAMETER_LIMITS.getOrDefault(name, MAX_PARAMETER_VALUE);
    }

    /**
     * @param name  a parameter name
     * @param value its value, or {@code null}
     * @return a message saying what is too long, or {@code null} when the value is within its limit
     */
    public static String tooLong(String name, String value) {
        int max = maxLength(name);
        return value != null && value.length() > max
                ? "the parameter " + name + " is longer than " + max + " characters"
                : null;
    }
}
