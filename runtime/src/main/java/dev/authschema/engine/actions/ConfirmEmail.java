package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.pages.BuiltInPages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /api/auth/callback/{email provider}}: where the e-mail link lands. It only shows the confirmation page
 * (the application's {@code pages().confirmEmail()}, or the built-in one), whose POST uses the token up
 * ({@link Callback}), so that a link scanner that opens the link does not burn it.
 */
final class ConfirmEmail {

    private ConfirmEmail() {}

    static Reply page(ActionContext context, HttpExchange exchange, Callback.EmailRequest request) {
        String base = context.baseUrl(exchange);
        String custom = context.config().pages().confirmEmail();
        if (custom != null) {
            return new Reply.Redirect(base + custom + "?email=" + encode(request.email()) + "&token="
                    + encode(request.token())
                    + (request.callbackUrl() == null ? "" : "&callbackUrl=" + encode(request.callbackUrl())));
        }
        String action = base + AuthRouter.BASE_PATH + "/callback/" + request.providerId();
        String page = new BuiltInPages(context.config().theme())
                .confirmEmail(
                        base,
                        action,
                        request.email() == null ? "" : request.email(),
                        request.token(),
                        request.callbackUrl(),
                        context.csrf().token(exchange));
        return new Reply.Html(200, page, Map.of("Referrer-Policy", "no-referrer")); // the page URL holds the token
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
