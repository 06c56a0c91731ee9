package dev.authschema.engine.actions;

import dev.authschema.engine.config.EmailCodeSettings;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.email.PendingCode;
import dev.authschema.engine.http.HttpExchange;
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

    private EmailCodePage() {
    }

    static Reply page(ActionContext context, HttpExchange exchange, EmailProviderConfig provider) {
        String base = context.baseUrl(exchange);
        String action = ActionContext.callbackEndpoint(base, provider).toString();
        Optional<PendingCode> pending = context.pendingCode(exchange);
        String attemptsLeft = exchange.parameter(WRONG);
        String html = html(action, pending.map(PendingCode::email).orElse(null), provider.codes(),
                attemptsLeft != null && attemptsLeft.matches("[0-9]{1,2}") ? attemptsLeft : null,
                context.csrf().token(exchange));
        return new Reply.Html(200, html, Map.of("Cache-Control", "no-store"));
    }

    static String html(String action, String email, EmailCodeSettings codes, String attemptsLeft, String csrfToken) {
        boolean digits = EmailCodeSettings.DIGITS.equals(codes.alphabet());
        String body = "<h1>Enter your sign-in code</h1>"
                + (email == null ? "<p>Ask for a new code on the sign-in page if this browser did not ask for one.</p>"
                : "<p>We sent a code to <strong>" + BuiltInPages.escape(email) + "</strong>.</p>")
                + (attemptsLeft == null ? "" : "<p id=\"wrong-code\" role=\"alert\">That code is not right. "
                + BuiltInPages.escape(attemptsLeft) + " attempts left.</p>")
                + "<form method=\"post\" action=\"" + BuiltInPages.escape(action) + "\">"
                + "<label for=\"code\">Code</label> <input id=\"code\" name=\"code\" type=\"text\" required"
                + " autofocus autocomplete=\"one-time-code\" spellcheck=\"false\" maxlength=\""
                + (codes.length() + 8) + "\"" + (digits ? " inputmode=\"numeric\" pattern=\"[0-9 ]*\"" : "") + ">"
                + "<input type=\"hidden\" name=\"csrfToken\" value=\"" + BuiltInPages.escape(csrfToken) + "\">"
                + " <button id=\"submit\" type=\"submit\">Sign in</button></form>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\""
                + " content=\"noindex\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>Sign-in code</title></head><body>" + body + "</body></html>";
    }
}
