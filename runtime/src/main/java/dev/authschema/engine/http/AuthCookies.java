package dev.authschema.engine.http;

/**
 * The engine's cookie names, the same as Auth.js's. Over HTTPS they carry the {@code __Secure-} prefix (the CSRF
 * cookie {@code __Host-}), which browsers accept only on {@code Secure} cookies, so that a plain-HTTP page on the same
 * domain cannot plant them.
 *
 * @param secure whether the request came over HTTPS (or secure cookies are forced)
 */
public record AuthCookies(boolean secure) {

    /** Base name of the session cookie. */
    public static final String SESSION_TOKEN = "authjs.session-token";
    /** Base name of the CSRF cookie. */
    public static final String CSRF_TOKEN = "authjs.csrf-token";
    /** Base name of the cookie remembering where to go after sign-in. */
    public static final String CALLBACK_URL = "authjs.callback-url";
    /** Base name of the PKCE code verifier cookie. */
    public static final String PKCE_CODE_VERIFIER = "authjs.pkce.code_verifier";
    /** Base name of the OAuth state cookie. */
    public static final String STATE = "authjs.state";
    /** Base name of the OpenID Connect nonce cookie. */
    public static final String NONCE = "authjs.nonce";
    /** The sealed challenge of a passkey ceremony, as Auth.js names it. */
    public static final String CHALLENGE = "authjs.challenge";
    /** Base name of the cookie that ties a mailed one-time code to the browser that asked for it. */
    public static final String EMAIL_CODE = "authjs.email-code";

    /**
     * @return the session cookie's name
     */
    public String sessionToken() {
        return secured(SESSION_TOKEN);
    }

    /**
     * @return the CSRF cookie's name ({@code __Host-} prefixed under HTTPS)
     */
    public String csrfToken() {
        return secure ? "__Host-" + CSRF_TOKEN : CSRF_TOKEN;
    }

    /**
     * @return the callback URL cookie's name
     */
    public String callbackUrl() {
        return secured(CALLBACK_URL);
    }

    /**
     * @return the PKCE verifier cookie's name
     */
    public String pkceCodeVerifier() {
        return secured(PKCE_CODE_VERIFIER);
    }

    /**
     * @return the state cookie's name
     */
    public String state() {
        return secured(STATE);
    }

    /**
     * @return the nonce cookie's name
     */
    public String nonce() {
        return secured(NONCE);
    }

    /**
     * @return the passkey challenge cookie's name
     */
    public String challenge() {
        return secured(CHALLENGE);
    }

    /**
     * @return the pending e-mail code's cookie name
     */
    public String emailCode() {
        return secured(EMAIL_CODE);
    }

    private String secured(String name) {
        return secure ? "__Secure-" + name : name;
    }
}
