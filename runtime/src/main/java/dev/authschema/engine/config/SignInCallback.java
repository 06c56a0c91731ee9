package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import java.util.Map;

/** Decides whether a user may sign in, as Auth.js's {@code callbacks.signIn}; refusing yields {@code AccessDenied}. */
@FunctionalInterface
public interface SignInCallback {

    /**
     * @param user     the user about to be signed in; on a first sign-in not stored yet (e-mail: id {@code null};
     *                 OAuth: the id it will be created with)
     * @param account  the OAuth account about to be used or linked, or {@code null} for e-mail sign-in
     * @param profile  the provider's profile claims, or an empty map for e-mail sign-in
     * @param provider the provider id
     * @return whether to allow the sign-in
     */
    boolean allow(AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider);
}
