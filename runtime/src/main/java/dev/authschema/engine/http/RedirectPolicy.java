package dev.authschema.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a {@code callbackUrl} may send the browser: a relative path or a URL of the application's own origin. Anything
 * else (another host, {@code //evil.example}, {@code javascript:}, backslashes, control characters) falls back to the
 * base URL, so the sign-in endpoints cannot be used as an open redirect.
 */
public final class RedirectPolicy {

    private RedirectPolicy() {}

    /**
     * The default redirect callback.
     *
     * @param url     the requested URL (untrusted)
     * @param baseUrl the application's base URL
     * @return {@code url} made absolute if it is safe, else {@code baseUrl}
     */
    public static String sameOrigin(String url, String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (url == null || url.isBlank() || hasUnsafeCharacters(url)) {
            return baseUrl;
        }
        URI base = URI.create(baseUrl);
        if (url.startsWith("/")) {
            // "//host" and "/\host" are protocol-relative URLs to another host in browsers.
            return url.startsWith("//") ? baseUrl : origin(base) + url;
        }
        try {
            URI target = new URI(url);
            return target.isAbsolute() && origin(target).equals(origin(base)) ? target.toString() : baseUrl;
        } catch (URISyntaxException e) {
            return baseUrl;
        }
    }

    private static boolean hasUnsafeCharacters(String url) {
        return url.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + (port == defaultPort ? "" : ":" + port);
    }
}
