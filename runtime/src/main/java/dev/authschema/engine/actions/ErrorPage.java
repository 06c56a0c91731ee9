package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.pages.BuiltInPages;

/**
 * {@code GET /api/auth/error?error=Code}: the built-in error page, or a redirect to the application's
 * ({@code pages().error()}) with the code. An unknown code shows the generic message; the page never echoes the
 * parameter.
 */
final class ErrorPage {

    private ErrorPage() {}

    /**
     * @param code the {@code error} parameter (untrusted), or {@code null}
     */
    static Reply page(ActionContext context, HttpExchange exchange, String code) {
        String base = context.baseUrl(exchange);
        String custom = context.config().pages().error();
        if (custom != null) {
            return new Reply.Redirect(ActionContext.page(base, custom, null) + "?error="
                    + PageQuery.encode(AuthErrorCode.fromQuery(code).name()));
        }
        return Reply.Html.ok(new BuiltInPages(context.config().theme()).error(base, code));
    }
}
