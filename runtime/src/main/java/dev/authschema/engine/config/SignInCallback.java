package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import java.util.Map;

/**
 * Decides whether a user may sign in, as Auth.js's {@code callbacks.signIn}; refusing yields {@code AccessDenied}.
 * A callback that sends the browser elsewhere instead (Auth.js's returned URL) implements {@link #decide}, most simply
 * through {@link #deciding}.
 */
@FunctionalInterface
public interface SignInCallback {

    /**
     * The three answers of {@link #decide} as one lambda.
     */
    @FunctionalInterface
    interface Decider {

        /**
         * @param user     see {@link SignInCallback#allow}
         * @param account  see {@link SignInCallback#allow}
         * @param profile  see {@link SignInCallback#allow}
         * @param provider see {@link SignInCallback#allow}
         * @return allow, deny or redirect
         */
        SignInDecision decide(AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider);
    }

    /**
     * @param user     the user about to be signed in; on a first sign-in not stored yet (e-mail: id {@code null};
     *                 OAuth: the id it will be created with)
     * @param account  the OAuth account about to be used or linked, or {@code null} for e-mail sign-in
     * @param profile  the provider's profile claims, or an empty map for e-mail sign-in
     * @param provider the provider id
     * @return whether to allow the sign-in
     */
    boolean allow(AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider);

    /**
     * What the engine asks. By default {@link #allow} decides between allowing and denying.
     *
     * @param user     see {@link #allow}
     * @param account  see {@link #allow}
     * @param profile  see {@link #allow}
     * @param provider see {@link #allow}
     * @return allow, deny, or redirect (no user is created, no account linked, no e-mail sent, no session started)
     */
    default SignInDecision decide(
            AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider) {
        return allow(user, account, profile, provider) ? SignInDecision.allow() : SignInDecision.deny();
    }

    /**
     * @param decider a callback that may also redirect
     * @return it as a sign-in callback ({@link #allow} is true only for {@link SignInDecision#allow()})
     */
    static SignInCallback deciding(Decider decider) {
        return new SignInCallback() {
            @Override
            public boolean allow(
                    AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider) {
                return decide(user, account, profile, provider) instanceof SignInDecision.Allow;
            }

            @Override
            public SignInDecision decide(
                    AdapterUser user, AdapterAccount account, Map<String, Object> profile, String provider) {
                return decider.decide(user, account, profile, provider);
            }
        };
    }
}
