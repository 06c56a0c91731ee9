package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.pages.BuiltInPages;

/** {@code GET /api/auth/verify-request}: the built-in "check your e-mail" page after an e-mail sign-in. */
final class VerifyRequest {

    private VerifyRequest() {}

    static Reply page(ActionContext context, HttpExchange exchange) {
        return Reply.Html.ok(new BuiltInPages(context.config().theme())
                .verifyRequest(context.baseUrl(exchange), "credentials".equals(exchange.parameter("type"))));
    }
}
