package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds claims to the JWT session token, as Auth.js's {@code callbacks.jwt}; called when the token is created at
 * sign-in, whenever it is re-issued, and when the session is updated. Only for {@link SessionStrategy#JWT}. A
 * callback that needs to know why it is called ({@link CallbackTrigger}) or the update's data is made with
 * {@link #withTrigger}.
 */
@FunctionalInterface
public interface JwtCallback {

    /**
     * Everything the engine knows when it calls the callback.
     *
     * @param token   the claims so far ({@code sub}, {@code name}, {@code email}, {@code picture}, ...); a mutable copy
     * @param user    the user at sign-in, {@code null} otherwise
     * @param account the OAuth account at sign-in, {@code null} otherwise
     * @param trigger {@code SIGN_IN}, {@code SIGN_UP} or {@code UPDATE}; {@code null} when a token is re-issued
     * @param session on {@code UPDATE}, the data the client sent (untrusted: check every value before you copy it
     *                into the token); else {@code null}
     */
    record Input(
            Map<String, Object> token,
            AdapterUser user,
            AdapterAccount account,
            CallbackTrigger trigger,
            Map<String, Object> session) {}

    /**
     * @param token   the claims so far ({@code sub}, {@code name}, {@code email}, {@code picture}, ...); a mutable copy
     * @param user    the user at sign-in, {@code null} when an existing token is re-issued
     * @param account the OAuth account at sign-in, {@code null} otherwise
     * @return the claims to store; values must be JSON-compatible (strings, numbers, booleans, lists, maps)
     */
    Map<String, Object> jwt(Map<String, Object> token, AdapterUser user, AdapterAccount account);

    /**
     * What the engine calls. By default the three-argument {@link #jwt(Map, AdapterUser, AdapterAccount)}, which
     * leaves the token as it is on an update.
     *
     * @param input the token and why it is asked for
     * @return the claims to store
     */
    default Map<String, Object> jwt(Input input) {
        return jwt(input.token(), input.user(), input.account());
    }

    /**
     * @param callback a callback that reads the trigger or the update's data
     * @return it as a JWT callback
     */
    static JwtCallback withTrigger(Function<Input, Map<String, Object>> callback) {
        return new JwtCallback() {
            @Override
            public Map<String, Object> jwt(Map<String, Object> token, AdapterUser user, AdapterAccount account) {
                return callback.apply(new Input(token, user, account, null, null));
            }

            @Override
            public Map<String, Object> jwt(Input input) {
                return callback.apply(input);
            }
        };
    }
}
