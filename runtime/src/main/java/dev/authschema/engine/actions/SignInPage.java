package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.pages.BuiltInPages;

/**
 * {@code GET /api/auth/signin}: the built-in sign-in page (Auth.js's {@code pages/signin}), one form per configured
 * provider with the CSRF token and the checked {@code callbackUrl} filled in; or, when the application has its own
 * ({@code pages().signIn()}), a redirect there with the same {@code callbackUrl} (and a known {@code error}).
 */
final class SignInPage {

    private SignInPage() {}

    static Reply page(ActionContext context, HttpExchange exchange) {
        String base = context.baseUrl(exchange);
        String callbackUrl = PageQuery.callbackUrl(context, exchange, base);
        String error = exchange.parameter("error");
        String custom = context.config().pages().signIn();
        if (custom != null) {
            return new Reply.Redirect(ActionContext.page(base, custom, null) + "?callbackUrl="
                    + PageQuery.encode(callbackUrl)
                    + (error == null
                            ? ""
                            : "&error="
                                    + PageQuery.encode(
                                            AuthErrorCode.fromQuery(error).name())));
        }
        return Reply.Html.ok(new BuiltInPages(context.config().theme())
                .signIn(
                        base,
                        context.config().providers(),
                        context.csrf().token(exchange),
                        callbackUrl,
                        error,
                        "done".equals(exchange.parameter("reset"))));
    }
}
