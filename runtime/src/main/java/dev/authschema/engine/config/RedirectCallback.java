package dev.authschema.engine.config;

/**
 * Chooses where to send the browser after sign-in or sign-out, as Auth.js's {@code callbacks.redirect}. The default
 * allows relative paths and URLs of the application's own origin only; a replacement must not open redirects.
 */
@FunctionalInterface
public interface RedirectCallback {

    /**
     * @param url     the requested callback URL (untrusted input)
     * @param baseUrl the application's base URL, such as {@code https://example.com/app}
     * @return the absolute URL to redirect to
     */
    String redirect(String url, String baseUrl);
}
