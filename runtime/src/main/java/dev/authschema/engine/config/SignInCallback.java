package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import java.util.Map;

/** Decides whether a user may sign in, as Auth.js's {@code callbacks.signIn}; refusing yields {@code AccessDenied}. */
@FunctionalInterface
public interface SignInCallback {

    /**
     * @param user     the user about to be signed in (not yet stored when they sign in for the first time; then the
     *                 id is {@code null})
     * @param account  the OAuth account used, or {@code null} for e-mail sign-in
     * @param profile  the provider's profile claims, or an empty map for e-mail sign-in
     * @param provider the provider id
     * @return whether to allow the sign-in
     */
    boolean allow(AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider);
}
