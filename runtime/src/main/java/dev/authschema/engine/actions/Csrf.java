package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import java.util.Map;

/** {@code GET /api/auth/csrf}: the caller's CSRF token, setting its cookie when it has none ({@link CsrfPolicy}). */
final class Csrf {

    private Csrf() {}

    static Map<String, Object> json(ActionContext context, HttpExchange exchange) {
        return Map.of("csrfToken", context.csrf().token(exchange));
    }
}
