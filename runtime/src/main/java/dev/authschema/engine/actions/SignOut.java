package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import java.util.Optional;

/** {@code POST /api/auth/signout} (Auth.js's {@code actions/signout}): ends the session, clears its cookie. */
public final class SignOut {

    private SignOut() {}

    /**
     * @param callbackUrl where to go afterwards (untrusted), or {@code null}
     */
    public record Request(String callbackUrl) implements ActionRequest {

        /**
         * @param exchange the endpoint's request
         * @return its parameter {@code callbackUrl}
         */
        public static Request from(HttpExchange exchange) {
            return new Request(exchange.parameter("callbackUrl"));
        }

        @Override
        public String providerId() {
            return null;
        }
    }

    static String run(ActionContext context, HttpExchange exchange, Request request) {
        Optional<String> userId = context.sessions().end(exchange);
        userId.ifPresent(id -> context.events().signOut(id));
        return context.safeRedirect(request.callbackUrl(), context.baseUrl(exchange));
    }
}
