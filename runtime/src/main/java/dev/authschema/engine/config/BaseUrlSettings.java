package dev.authschema.engine.config;

import dev.authschema.engine.http.HostNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The start-up checks of {@code AUTH_URL} and {@code AUTH_TRUST_HOST}: outside development one of them is required,
 * since without them links would be built from the request's {@code Host} header, which the client controls.
 */
final class BaseUrlSettings {

    private BaseUrlSettings() {}

    /**
     * @param environment the environment
     * @param problems    where an unreadable value is reported
     * @return {@code AUTH_TRUST_HOST} ({@code true}/{@code 1} or {@code false}/{@code 0}), {@code false} when unset
     */
    static boolean trustHostSetting(Function<String, String> environment, List<String> problems) {
        String value = environment.apply("AUTH_TRUST_HOST");
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                problems.add("trustHost: AUTH_TRUST_HOST is '" + value.strip()
                        + "'; write true (behind a proxy that sets X-Forwarded-Host and X-Forwarded-Proto) or false");
                yield false;
            }
        };
    }

    /**
     * @param url         {@code AUTH_URL} or the builder's {@code url(...)}, or {@code null}
     * @param trustHost   {@code AUTH_TRUST_HOST} or the builder's {@code trustHost(...)}
     * @param development development mode
     * @param problems    where each problem goes, naming the setting
     * @return the URL without a trailing slash, or {@code null} when unset or invalid
     */
    static String check(String url, boolean trustHost, boolean development, List<String> problems) {
        if (url == null) {
            if (!development && !trustHost) {
                problems.add("url: AUTH_URL is not set. Outside development every sign-in link, redirect and OAuth"
                        + " redirect_uri is built from this one trusted base URL, never from the request's Host"
                        + " header (which the client chooses). Set AUTH_URL to the public base URL including the"
                        + " context path (e.g. https://example.com/app) or call AuthConfig.builder().url(...); behind"
                        + " a proxy that sets X-Forwarded-Host and X-Forwarded-Proto, AUTH_TRUST_HOST=true (trustHost)"
                        + " uses those headers instead");
            }
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add("url: AUTH_URL is not a URL (" + e.getReason() + "); write e.g. https://example.com/app");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            // The URL is not repeated: the user info may be a password.
            problems.add("url: AUTH_URL must not contain user:password@; write e.g. https://example.com/app");
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        int before = problems.size();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            problems.add("url: AUTH_URL '" + url + "' must be an absolute https:// (or http://) URL, such as"
                    + " https://example.com/app");
        } else if (uri.getHost() == null) {
            problems.add("url: AUTH_URL '" + url + "' has no host; write e.g. https://example.com/app");
        } else if ("http".equals(scheme) && !development && !HostNames.isLoopback(uri.getHost())) {
            problems.add("url: AUTH_URL '" + url + "' uses http:// outside development; sign-in links and session"
                    + " cookies would travel unencrypted. Use https:// (http:// is accepted only for loopback hosts"
                    + " such as http://127.0.0.1:9080, and in development)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add("url: AUTH_URL '" + url + "' must not have a query (?...) or fragment (#...); it is the base"
                    + " that paths such as /api/auth/callback/... are appended to");
        }
        if (problems.size() > before) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }
}
