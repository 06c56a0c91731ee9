package dev.authschema.engine.http;

import java.util.Locale;

/**
 * Which callers are programs rather than a person's browser, for the answer to a protected resource without a
 * session: a program gets 401 (a redirect to an HTML sign-in page would be a 200 it cannot use), a browser is sent to
 * the sign-in page.
 */
public final class ApiClients {

    private ApiClients() {}

    /**
     * @param method         the request method
     * @param accept         the {@code Accept} header, or {@code null}
     * @param requestedWith  the {@code X-Requested-With} header, or {@code null}
     * @return whether the request is an API call: not a GET or HEAD (a redirect would lose a form or a body), an
     *         {@code XMLHttpRequest}, or an {@code Accept} that asks for JSON and not HTML
     */
    public static boolean isApiCall(String method, String accept, String requestedWith) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        if (requestedWith != null
                && "xmlhttprequest".equals(requestedWith.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return wanted.contains("json") && !wanted.contains("text/html");
    }
}
