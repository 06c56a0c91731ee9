package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.pages.BuiltInPages;

/**
 * {@code GET /api/auth/signout}: the sign-out confirmation (Auth.js's {@code pages/signout}), a form that POSTs to
 * the same URL with the CSRF token; a GET itself never signs out, so a link or an image on another site cannot. With
 * {@code pages().signOut()} set, a redirect there with the checked {@code callbackUrl}.
 */
final class SignOutPage {

    private SignOutPage() {}

    static Reply page(ActionContext context, HttpExchange exchange) {
        String base = context.baseUrl(exchange);
        String callbackUrl = PageQuery.callbackUrl(context, exchange, base);
        String custom = context.config().pages().signOut();
        if (custom != null) {
            return new Reply.Redirect(
                    ActionContext.page(base, custom, null) + "?callbackUrl=" + PageQuery.encode(callbackUrl));
        }
        return Reply.Html.ok(new BuiltInPages(context.config().theme())
                .signOut(base, context.csrf().token(exchange), callbackUrl));
    }
}
