package dev.authschema.engine.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The few things the engine needs from an HTTP request and its response, so that the sign-in logic runs the same
 * behind the servlet, the authentication mechanism, the JSF service and in unit tests.
 */
public interface HttpExchange {

    /**
     * @return the HTTP method in upper case
     */
    String method();

    /**
     * @param name a cookie name
     * @return the cookie's value, or empty
     */
    Optional<String> cookie(String name);

    /**
     * @param name a query or form parameter
     * @return its value, or {@code null}
     */
    String parameter(String name);

    /**
     * @param name a header name
     * @return its value, or {@code null}
     */
    String header(String name);

    /**
     * Every value of a header, one per header line as the client sent them; by default the one of
     * {@link #header(String)}. The trusted base URL refuses a forwarded header sent more than once, since a proxy that
     * appends its own line after a client's would otherwise let the client's win.
     *
     * @param name a header name
     * @return its values in order, empty when absent
     */
    default List<String> headers(String name) {
        String value = header(name);
        return value == null ? List.of() : List.of(value);
    }

    /**
     * @return whether the request came over HTTPS
     */
    boolean secure();

    /**
     * The base URL as the request states it. Untrusted: its host comes from the client's {@code Host} header (and on
     * some servers from headers such as Liberty's {@code $WSSN} or {@code X-Forwarded-Host}). The engine never builds
     * a link or redirect from it; it goes through {@link TrustedBaseUrl}.
     *
     * @return scheme, host, port and context path, without a trailing slash
     */
    String baseUrl();

    /**
     * @return the application's context path ({@code ""} for the root, else {@code "/app"}); by default the path of
     *         {@link #baseUrl()}
     */
    default String contextPath() {
        String path = URI.create(baseUrl()).getRawPath();
        return path == null || "/".equals(path) ? "" : path;
    }

    /**
     * @param cookie a cookie to set on the response
     */
    void addCookie(CookieSpec cookie);

    /**
     * The client's address as the connection reports it (the servlet's {@code getRemoteAddr()}), never from a
     * forwarded header; the rate limits count per client by it.
     *
     * @return the address, or {@code null} when unknown (then every such client shares one count)
     */
    default String clientAddress() {
        return null;
    }
}
