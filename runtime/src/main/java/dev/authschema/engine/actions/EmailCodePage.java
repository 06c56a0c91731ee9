package dev.authschema.engine.actions;

import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.email.PendingCode;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.pages.BuiltInPages;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/auth/callback/{e-mail code provider}}: the built-in page to type a mailed code into. Its form posts
 * the code and the CSRF token back to the same URL ({@link Callback}). No script and no inline style, so it works
 * under the strictest Content-Security-Policy; the page names the address only from the browser's own sealed cookie.
 */
final class EmailCodePage {

    /** The query flag of the page shown again after a wrong code. */
    static final String WRONG = "wrong";

    private EmailCodePage() {}

    static Reply page(ActionContext context, HttpExchange exchange, EmailProviderConfig provider) {
        String base = context.baseUrl(exchange);
        String action = ActionContext.callbackEndpoint(base, provider).toString();
        Optional<PendingCode> pending = context.pendingCode(exchange);
        String attemptsLeft = exchange.parameter(WRONG);
        String html = new BuiltInPages(context.config().theme())
                .emailCode(
                        base,
                        action,
                        pending.map(PendingCode::email).orElse(null),
                        provider.codes(),
                        attemptsLeft != null && attemptsLeft.matches("[0-9]{1,2}")
                                ? Integer.valueOf(attemptsLeft)
                                : null,
                        context.csrf().token(exchange));
        return new Reply.Html(200, html, Map.of("Cache-Control", "no-store"));
    }
}
