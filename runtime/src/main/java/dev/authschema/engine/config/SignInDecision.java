package dev.authschema.engine.config;

import java.util.Objects;

/**
 * What {@link SignInCallback#decide} answers, as Auth.js's {@code signIn} callback returning {@code true},
 * {@code false} or a URL.
 */
public sealed interface SignInDecision {

    /**
     * @return go on with the sign-in
     */
    static SignInDecision allow() {
        return Allow.INSTANCE;
    }

    /**
     * @return refuse it: the user sees {@code AccessDenied}
     */
    static SignInDecision deny() {
        return Deny.INSTANCE;
    }

    /**
     * @param url where to send the browser instead of signing in; a path or an absolute URL, checked by the redirect
     *            callback like every other target (by default: this application's origin only)
     * @return refuse the sign-in and redirect there
     */
    static SignInDecision redirect(String url) {
        return new Redirect(url);
    }

    /** Go on with the sign-in. */
    enum Allow implements SignInDecision {
        /** The one instance. */
        INSTANCE
    }

    /** Refuse the sign-in with {@code AccessDenied}. */
    enum Deny implements SignInDecision {
        /** The one instance. */
        INSTANCE
    }

    /**
     * Refuse the sign-in and send the browser elsewhere.
     *
     * @param url the target, still to be checked by the redirect callback
     */
    record Redirect(String url) implements SignInDecision {

        /**
         * @param url the target, required
         */
        public Redirect {
            Objects.requireNonNull(url, "url");
        }
    }
}
