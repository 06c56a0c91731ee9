package dev.authschema.engine.session;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Keeps the signed-in state for one session strategy; reads and writes the session cookie of an exchange. */
public interface SessionStore {

    /**
     * Reads the caller's session, extending it when due. An expired, unknown, forged or damaged session cookie
     * makes the caller anonymous (and is cleared); this never throws for bad input.
     *
     * @param exchange the request and response
     * @return the valid session, or empty for an anonymous caller
     */
    Optional<AuthSession> read(HttpExchange exchange);

    /**
     * Signs a user in: always a new session and cookie (an old session of the same browser is ended), so a session
     * id planted before sign-in is worthless afterwards.
     *
     * @param exchange the request and response
     * @param user     the stored user
     * @param account  the OAuth account used, or {@code null}
     * @param trigger  {@code SIGN_IN}, or {@code SIGN_UP} when the sign-in created the user (for the JWT callback)
     * @return the new session
     */
    AuthSession start(HttpExchange exchange, AdapterUser user, AdapterAccount account, CallbackTrigger trigger);

    /**
     * {@link #start(HttpExchange, AdapterUser, AdapterAccount, CallbackTrigger)} of a known user.
     *
     * @param exchange the request and response
     * @param user     the stored user
     * @param account  the OAuth account used, or {@code null}
     * @return the new session
     */
    default AuthSession start(HttpExchange exchange, AdapterUser user, AdapterAccount account) {
        return start(exchange, user, account, CallbackTrigger.SIGN_IN);
    }

    /**
     * Updates the caller's session (Auth.js's {@code update()}): JWT sessions run the JWT callback with
     * {@code UPDATE} and the data, and re-issue the cookie with what it returns; database sessions are read (and
     * extended when due), the data being the session callback's to use. Never another browser's session: only the
     * one whose cookie this request carries.
     *
     * @param exchange the request and response
     * @param data     what the client sent (untrusted), never {@code null}
     * @return the updated session, or empty for an anonymous caller (nothing is written then)
     */
    Optional<AuthSession> update(HttpExchange exchange, Map<String, Object> data);

    /**
     * Signs out: ends the session and clears the cookie; harmless without a session.
     *
     * @param exchange the request and response
     * @return the id of the user who was signed in, or empty
     */
    Optional<String> end(HttpExchange exchange);

    /**
     * Ends every other session of the caller's user ("sign out everywhere else").
     *
     * @param exchange the request and response
     * @return how many sessions were ended
     * @throws UnsupportedOperationException when the strategy or the adapter cannot do it
     */
    int endOtherSessions(HttpExchange exchange);

    /**
     * Whether {@link #ownSessions} and {@link #endOwnSession} work: database sessions with an adapter implementing
     * {@code AdapterMaintenance}.
     *
     * @return whether the caller's sessions can be listed and ended one by one
     */
    boolean listsSessions();

    /**
     * The live sessions of the caller's user, for the engine's sessions API (which names them by handles, never by
     * their tokens, before anything leaves the engine). Reads (and, when due, extends) the caller's session first.
     *
     * @param exchange the request and response
     * @return the sessions, the one that ends last first; empty for an anonymous caller
     * @throws IllegalStateException when {@link #listsSessions()} is false, saying why and what to change
     */
    List<AdapterSession> ownSessions(HttpExchange exchange);

    /**
     * Ends the first of the caller's user's live sessions ({@link #ownSessions}) that {@code which} picks; ending the
     * caller's own also clears its cookie. Only that list is offered, so no choice can end another user's session.
     *
     * @param exchange the request and response
     * @param which    picks the session to end, e.g. by its handle
     * @return whether a session was ended
     * @throws IllegalStateException when {@link #listsSessions()} is false
     */
    boolean endOwnSession(HttpExchange exchange, Predicate<AdapterSession> which);
}
