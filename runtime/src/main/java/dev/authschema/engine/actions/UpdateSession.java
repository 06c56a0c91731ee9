package dev.authschema.engine.actions;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthSession;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/auth/session} (Auth.js's {@code update()}): updates the caller's own session and answers its JSON
 * as {@code GET} does. The JWT and session callbacks see {@code trigger = UPDATE} and the data; JWT sessions get a new
 * cookie with what the JWT callback returned. CSRF-checked like every POST; a caller without a session gets
 * {@code {}} and nothing is written.
 *
 * <p>The request is a form: {@code csrfToken} (or the {@code X-CSRF-Token} header) and {@code data}, a JSON object as
 * text (at most {@code InputLimits.MAX_PARAMETER_VALUE} characters, like every parameter); or, as Auth.js's client
 * sends it, a JSON body {@code {"csrfToken": "...", "data": {...}}} (the servlet reads its members as the form's
 * fields, {@code data} as its JSON text). The data is the client's:
 * the engine copies none of it into the session; only the application's callbacks may, after checking it.
 */
public final class UpdateSession {

    /** The form field that carries the data. */
    public static final String DATA_FIELD = "data";

    private UpdateSession() {}

    /**
     * @param data what the client sent, never {@code null}
     */
    public record Request(Map<String, Object> data) {

        /**
         * @param data what the client sent; {@code null} is read as empty
         */
        public Request {
            data = data == null ? Map.of() : new LinkedHashMap<>(data);
        }

        /**
         * @param exchange the endpoint's request
         * @return its field {@code data}, parsed
         * @throws IllegalArgumentException when {@code data} is not a JSON object, saying so
         */
        public static Request from(HttpExchange exchange) {
            String text = exchange.parameter(DATA_FIELD);
            if (text == null || text.isBlank()) {
                return new Request(Map.of());
            }
            try {
                return new Request(JSONObjectUtils.parse(text));
            } catch (ParseException e) {
                throw new IllegalArgumentException("the field " + DATA_FIELD + " of POST /api/auth/session must be a"
                        + " JSON object, such as {\"name\":\"Ada\"}");
            }
        }
    }

    /**
     * What an update did.
     *
     * @param session the updated session, or empty for a caller without one
     * @param json    the answer: the session as {@code GET} shows it, or an empty map
     */
    public record Outcome(Optional<AuthSession> session, Map<String, Object> json) {}

    static Outcome run(ActionContext context, HttpExchange exchange, Request request) {
        Optional<AuthSession> session = context.sessions().update(exchange, request.data());
        if (session.isEmpty()) {
            return new Outcome(session, Map.of());
        }
        context.events().session(session.get());
        return new Outcome(
                session,
                Session.render(context, session.get(), CallbackTrigger.UPDATE, new LinkedHashMap<>(request.data())));
    }
}
