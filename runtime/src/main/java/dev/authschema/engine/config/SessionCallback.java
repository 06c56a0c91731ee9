package dev.authschema.engine.config;

import dev.authschema.engine.model.SessionUser;
import java.util.Map;
import java.util.function.Function;

/**
 * Shapes the JSON that {@code GET /api/auth/session} returns, as Auth.js's {@code callbacks.session}; also called for
 * {@code POST /api/auth/session} (an update). A callback that needs the trigger or the update's data is made with
 * {@link #withTrigger}.
 */
@FunctionalInterface
public interface SessionCallback {

    /**
     * Everything the engine knows when it calls the callback.
     *
     * @param session    the default JSON object: {@code {user: {name, email, image}, expires}}; a mutable copy
     * @param user       the signed-in user with all attributes (after the JWT callback, for JWT sessions)
     * @param trigger    {@code UPDATE} for an update; {@code null} for a read
     * @param newSession on {@code UPDATE}, the data the client sent (untrusted); else {@code null}
     */
    record Input(
            Map<String, Object> session, SessionUser user, CallbackTrigger trigger, Map<String, Object> newSession) {}

    /**
     * @param session the default JSON object: {@code {user: {name, email, image}, expires}}; a mutable copy
     * @param user    the signed-in user with all attributes
     * @return the object to return (usually {@code session} with additions)
     */
    Map<String, Object> session(Map<String, Object> session, SessionUser user);

    /**
     * What the engine calls. By default the two-argument {@link #session(Map, SessionUser)}.
     *
     * @param input the JSON so far and why it is asked for
     * @return the object to return
     */
    default Map<String, Object> session(Input input) {
        return session(input.session(), input.user());
    }

    /**
     * @param callback a callback that reads the trigger or the update's data
     * @return it as a session callback
     */
    static SessionCallback withTrigger(Function<Input, Map<String, Object>> callback) {
        return new SessionCallback() {
            @Override
            public Map<String, Object> session(Map<String, Object> session, SessionUser user) {
                return callback.apply(new Input(session, user, null, null));
            }

            @Override
            public Map<String, Object> session(Input input) {
                return callback.apply(input);
            }
        };
    }
}
