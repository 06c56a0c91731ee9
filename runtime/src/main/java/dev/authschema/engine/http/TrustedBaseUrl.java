package dev.authschema.engine.http;

import java.util.List;
import java.util.Locale;

/**
 * The one base URL every link, redirect and OAuth {@code redirect_uri} is built from.
 * <ul>
 *   <li>{@code AUTH_URL} when it is set (always outside development unless {@code AUTH_TRUST_HOST=true}, which
 *       {@code AuthConfig} checks at start-up);</li>
 *   <li>else with {@code AUTH_TRUST_HOST=true} (Auth.js's {@code trustHost}, for a proxy that sets these headers):
 *       {@code X-Forwarded-Host} or else {@code Host}, {@code X-Forwarded-Proto} or else the connection's scheme;
 *       each must have exactly one value (a proxy that appends to a client's value is refused, see
 *       {@link #single});</li>
 *   <li>else (development only) the request's {@code Host}, and only when it is a loopback host ({@code localhost},
 *       {@code 127.0.0.0/8}, {@code ::1}): any other host is refused, so that a sign-in link can never point at a
 *       host an attacker put into the request.</li>
 * </ul>
 * The servlet's own view of the host ({@code getServerName()}) is never used: servers such as Liberty fill it from
 * client-sent headers ({@code $WSSN}, {@code X-Forwarded-*}).
 */
public final class TrustedBaseUrl {

    private final String configured;
    private final boolean trustHost;

    /**
     * @param configured the validated {@code AUTH_URL} without a trailing slash, or {@code null}
     * @param trustHost  whether {@code X-Forwarded-Host}/{@code Host} may be used when {@code configured} is unset
     */
    public TrustedBaseUrl(String configured, boolean trustHost) {
        this.configured = configured;
        this.trustHost = trustHost;
    }

    /**
     * @param exchange any request
     * @return scheme, host, port and context path, without a trailing slash
     * @throws UntrustedHostException when there is no trusted base for this request
     */
    public String of(HttpExchange exchange) {
        if (configured != null) {
            return configured;
        }
        String scheme = exchange.secure() ? "https" : "http";
        if (trustHost) {
            String forwardedHost = emptyToNull(single(exchange, "X-Forwarded-Host"));
            String raw = forwardedHost != null ? forwardedHost : hostHeader(exchange);
            String authority = HostNames.authority(raw)
                    .orElseThrow(() -> new UntrustedHostException("AUTH_TRUST_HOST=true, but the request's "
                            + (forwardedHost != null ? "X-Forwarded-Host" : "Host")
                            + " " + HostNames.forLog(raw) + " is not a host name with an optional port; answered"
                            + " 400. Check the proxy's headers, or set AUTH_URL"));
            String proto = emptyToNull(single(exchange, "X-Forwarded-Proto"));
            if (proto != null) {
                proto = proto.toLowerCase(Locale.ROOT);
                if (!"http".equals(proto) && !"https".equals(proto)) {
                    throw new UntrustedHostException("AUTH_TRUST_HOST=true, but the request's X-Forwarded-Proto "
                            + HostNames.forLog(proto) + " is neither http nor https; answered 400");
                }
                scheme = proto;
            }
            return scheme + "://" + authority + exchange.contextPath();
        }
        String raw = hostHeader(exchange);
        String authority = HostNames.authority(raw).orElse(null);
        if (authority == null || !HostNames.isLoopback(HostNames.host(authority))) {
            throw new UntrustedHostException("development mode without AUTH_URL builds links only for loopback"
                    + " hosts (localhost, 127.0.0.0/8, ::1), and this request names the host " + HostNames.forLog(raw)
                    + "; answered 400. Set AUTH_URL to the server's public base URL (e.g. http://192.168.1.20:9080),"
                    + " or AUTH_TRUST_HOST=true behind a proxy that sets X-Forwarded-Host");
        }
        return scheme + "://" + authority + exchange.contextPath();
    }

    private static String hostHeader(HttpExchange exchange) {
        String host = single(exchange, "Host");
        if (host != null) {
            return host;
        }
        // HTTP/1.0 without Host, or an exchange that is not a servlet request: the authority it reports.
        return java.net.URI.create(exchange.baseUrl()).getRawAuthority();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The one value of a header, stripped, or {@code null} when it is absent. Several values, in one line
     * ({@code a, b}) or in several lines, are refused: many proxies append their value to the client's instead of
     * replacing it (Apache httpd's mod_proxy turns a client's {@code X-Forwarded-Host: evil.example} into
     * {@code evil.example, app.example}; a proxy that adds a header line puts it after the client's), so whichever
     * value came first may be the client's, and a sign-in link built from it would go to the client's host.
     */
    private static String single(HttpExchange exchange, String name) {
        List<String> values = exchange.headers(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || values.get(0).indexOf(',') >= 0) {
            throw new UntrustedHostException("the request has several " + name + " values ("
                    + HostNames.forLog(String.join(" | ", values)) + "); answered 400. A proxy must replace the "
                    + name + " a client sent, not append to it (Apache httpd: RequestHeader unset " + name
                    + " early; HAProxy: http-request set-header, not add-header), and a client must send one Host");
        }
        return values.get(0).strip();
    }
}
