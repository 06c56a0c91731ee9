package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import java.util.Map;

/**
 * Adds claims to the JWT session token, as Auth.js's {@code callbacks.jwt}; called when the token is created at
 * sign-in and whenever it is re-issued. Only for {@link SessionStrategy#JWT}.
 */
@FunctionalInterface
public interface JwtCallback {

    /**
     * @param token   the claims so far ({@code sub}, {@code name}, {@code email}, {@code picture}, ...); a mutable copy
     * @param user    the user at sign-in, {@code null} when an existing token is re-issued
     * @param account the OAuth account at sign-in, {@code null} otherwise
     * @return the claims to store; values must be JSON-compatible (strings, numbers, booleans, lists, maps)
     */
    Map<String, Object> jwt(Map<String, Object> token, AdapterUser user, AdapterAccount account);
}
