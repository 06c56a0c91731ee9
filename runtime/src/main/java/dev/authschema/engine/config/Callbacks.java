package dev.authschema.engine.config;

import dev.authschema.engine.http.RedirectPolicy;
import java.util.Objects;

/**
 * The application's callbacks, as Auth.js's {@code callbacks} option; every one has a default that does what Auth.js
 * does without it.
 *
 * @param signIn   allows or refuses a sign-in; default allows everyone
 * @param redirect chooses the redirect target; default: same origin only
 * @param session  shapes the session JSON; default leaves it as it is
 * @param jwt      adds JWT claims; default adds nothing
 */
public record Callbacks(SignInCallback signIn, RedirectCallback redirect, SessionCallback session, JwtCallback jwt) {

    /**
     * @param signIn allows or refuses a sign-in
     * @param redirect chooses the redirect target
     * @param session shapes the session JSON
     * @param jwt adds JWT claims
     */
    public Callbacks {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(jwt, "jwt");
    }

    /**
     * @return the defaults
     */
    public static Callbacks defaults() {
        return new Callbacks(
                (user, account, profile, provider) -> true,
                RedirectPolicy::sameOrigin,
                (session, user) -> session,
                (token, user, account) -> token);
    }

    /**
     * @param callback the sign-in callback
     * @return these callbacks with it
     */
    public Callbacks withSignIn(SignInCallback callback) {
        return new Callbacks(callback, redirect, session, jwt);
    }

    /**
     * @param callback the redirect callback
     * @return these callbacks with it
     */
    public Callbacks withRedirect(RedirectCallback callback) {
        return new Callbacks(signIn, callback, session, jwt);
    }

    /**
     * @param callback the session callback
     * @return these callbacks with it
     */
    public Callbacks withSession(SessionCallback callback) {
        return new Callbacks(signIn, redirect, callback, jwt);
    }

    /**
     * @param callback the JWT callback
     * @return these callbacks with it
     */
    public Callbacks withJwt(JwtCallback callback) {
        return new Callbacks(signIn, redirect, session, callback);
    }
}
