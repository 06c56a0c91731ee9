package dev.authschema.engine.http;

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
     * @return whether the request came over HTTPS
     */
    boolean secure();

    /**
     * @return the application's base URL: scheme, host, port and context path, without a trailing slash
     */
    String baseUrl();

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
