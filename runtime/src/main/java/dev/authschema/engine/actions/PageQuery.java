package dev.authschema.engine.actions;

import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.InputLimits;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the built-in pages read from their query: the {@code callbackUrl}, checked before it goes into a form. */
final class PageQuery {

    private PageQuery() {}

    /**
     * The page's {@code callbackUrl}, as the redirect callback allows it: another site, {@code javascript:},
     * {@code //host} and the like become the base URL, and so does a value over {@link InputLimits#MAX_CALLBACK_URL}
     * (the page is only a form: the sign-in it posts to refuses an oversized value again).
     */
    static String callbackUrl(ActionContext context, HttpExchange exchange, String base) {
        String requested = exchange.parameter("callbackUrl");
        if (InputLimits.tooLong("callbackUrl", requested) != null) {
            requested = null;
        }
        return context.safeRedirect(requested, base);
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
