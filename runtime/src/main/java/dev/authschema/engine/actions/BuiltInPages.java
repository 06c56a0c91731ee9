package dev.authschema.engine.actions;

import dev.authschema.engine.model.AuthErrorCode;

/**
 * The minimal HTML pages the engine serves when the application has none of its own: error, verify-request and
 * the e-mail link confirmation. Every dynamic value is HTML-escaped.
 */
final class BuiltInPages {

    private BuiltInPages() {
    }

    static String error(String code) {
        AuthErrorCode known = AuthErrorCode.fromQuery(code);
        return page("Sign-in error", "<h1>Sign-in error</h1><p>" + escape(known.userMessage()) + "</p>"
                + "<p><small>Error code: " + escape(known.name()) + "</small></p>");
    }

    static String rateLimited(long retryAfterSeconds) {
        AuthErrorCode code = AuthErrorCode.RateLimited;
        String wait = retryAfterSeconds < 120 ? retryAfterSeconds + " seconds"
                : ((retryAfterSeconds + 59) / 60) + " minutes";
        return page("Too many attempts", "<h1>Too many attempts</h1><p>" + escape(code.userMessage()) + "</p>"
                + "<p>You can try again in " + escape(wait) + ".</p>"
                + "<p><small>Error code: " + escape(code.name()) + "</small></p>");
    }

    static String verifyRequest() {
        return page("Check your e-mail", "<h1>Check your e-mail</h1>"
                + "<p>A sign-in link has been sent to your e-mail address.</p>");
    }

    static String confirmEmail(String action, String email, String token, String callbackUrl, String csrfToken) {
        return page("Sign in", "<h1>Sign in</h1><p>Sign in as <strong>" + escape(email) + "</strong>?</p>"
                + "<form method=\"post\" action=\"" + escape(action) + "\">"
                + hidden("email", email) + hidden("token", token) + hidden("csrfToken", csrfToken)
                + (callbackUrl == null ? "" : hidden("callbackUrl", callbackUrl))
                + "<button type=\"submit\">Sign in</button></form>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value == null ? "" : value) + "\">";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\""
                + " content=\"noindex\"><title>" + escape(title) + "</title></head><body>" + body + "</body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
