package dev.authschema.engine.http;

import dev.authschema.engine.crypto.Digests;
import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.crypto.SecretRing;
import java.util.Optional;

/**
 * Double-submit CSRF protection as Auth.js does it: the cookie holds {@code token|HMAC(secret, token)}, and every
 * state-changing POST must send the same {@code token} in the form field {@code csrfToken} or the header
 * {@code X-CSRF-Token}. The HMAC stops an attacker who can set cookies (a sibling sub-domain) from choosing a token.
 */
public final class CsrfTokens {

    /** The form field carrying the token. */
    public static final String FORM_FIELD = "csrfToken";
    /** The header carrying the token, for JavaScript clients. */
    public static final String HEADER = "X-CSRF-Token";

    private final SecretRing secrets;

    /**
     * @param secret the application secret
     */
    public CsrfTokens(String secret) {
        this(SecretRing.of(secret));
    }

    /**
     * @param secrets the application's secrets: the current one keys new cookies, all are accepted
     */
    public CsrfTokens(SecretRing secrets) {
        this.secrets = secrets;
    }

    /**
     * A token and the cookie value that vouches for it.
     *
     * @param token       what the page sends back
     * @param cookieValue what the cookie holds
     */
    public record Issued(String token, String cookieValue) {

        /** Leaves out both values. */
        @Override
        public String toString() {
            return "CsrfTokens.Issued[<hidden>]";
        }
    }

    /**
     * @return a new token
     */
    public Issued issue() {
        String token = RandomTokens.newToken();
        return new Issued(token, token + "|" + Digests.hmacSha256Hex(secrets.current(), token));
    }

    /**
     * @param cookieValue the CSRF cookie's value, possibly forged
     * @return the token it vouches for, if its HMAC is right
     */
    public Optional<String> tokenOf(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int bar = cookieValue.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        String token = cookieValue.substring(0, bar);
        String mac = cookieValue.substring(bar + 1);
        for (String secret : secrets.all()) {
            if (Digests.constantTimeEquals(mac, Digests.hmacSha256Hex(secret, token))) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /**
     * @param cookieValue the CSRF cookie's value
     * @param submitted   the token from the form or header
     * @return whether the request carries a valid, matching token
     */
    public boolean verify(String cookieValue, String submitted) {
        return tokenOf(cookieValue)
                .map(token -> Digests.constantTimeEquals(token, submitted))
                .orElse(false);
    }
}
