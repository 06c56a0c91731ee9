package dev.authschema.engine.actions;

import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.config.SessionCallback;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.model.SessionUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/auth/session} (Auth.js's {@code actions/session}): the caller's session as JSON. */
final class Session {

    private Session() {}

    /**
     * @return {@code {user: {name, email, image}, expires}} shaped by the session callback, or an empty map when
     *         signed out
     */
    static Map<String, Object> json(ActionContext context, HttpExchange exchange) {
        Optional<AuthSession> session = context.sessions().read(exchange);
        if (session.isEmpty()) {
            return Map.of();
        }
        context.events().session(session.get());
        return render(context, session.get(), null, null);
    }

    /**
     * @param trigger    {@code UPDATE}, or {@code null} for a read
     * @param newSession the update's data, or {@code null}
     * @return the session's JSON as the session callback shapes it
     */
    static Map<String, Object> render(
            ActionContext context, AuthSession session, CallbackTrigger trigger, Map<String, Object> newSession) {
        SessionUser user = session.user();
        Map<String, Object> userJson = new LinkedHashMap<>();
        userJson.put("name", user.name());
        userJson.put("email", user.email());
        userJson.put("image", user.image());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", userJson);
        json.put("expires", session.expires().toString());
        return context.config()
                .callbacks()
                .session()
                .session(new SessionCallback.Input(json, user, trigger, newSession));
    }
}
