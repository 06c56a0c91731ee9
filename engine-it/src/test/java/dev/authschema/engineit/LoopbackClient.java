package dev.authschema.engineit;

import dev.authschema.testsupport.CookieJar;
import dev.authschema.testsupport.Forms;
import dev.authschema.testsupport.SocketHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A client that connects from another loopback address ({@code 127.0.0.N}; Linux routes all of 127/8 to the loopback
 * interface), so that the server's {@code getRemoteAddr()} sees a client of its own and the rate limits count it
 * apart from every other test, which all come from 127.0.0.1. Plain HTTP/1.1 over a socket ({@link SocketHttp}), one
 * connection per request, because {@code java.net.http.HttpClient} cannot choose its local address.
 */
final class LoopbackClient {

    private final InetAddress local;
    private final String context;
    private final CookieJar cookies = new CookieJar(SeenSecrets::remember);

    /**
     * @param localAddress the address to connect from, e.g. {@code 127.0.0.21}
     * @param context      {@link ItServers#DB} or {@link ItServers#JWT}
     */
    LoopbackClient(String localAddress, String context) {
        try {
            this.local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        this.context = context;
    }

    /** @return a CSRF token from {@code GET /api/auth/csrf}, which also sets its cookie */
    String csrf() {
        Browser.Response response = send("GET", "/api/auth/csrf", Map.of(), null);
        if (response.status() != 200) {
            throw new AssertionError("GET csrf answered " + response);
        }
        String token = response.json().getString("csrfToken");
        SeenSecrets.remember(token);
        return token;
    }

    Browser.Response get(String path) {
        return send("GET", path, Map.of(), null);
    }

    Browser.Response post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    Browser.Response post(String path, Map<String, String> form, Map<String, String> headers) {
        return send("POST", path, headers, Forms.encode(form));
    }

    /** Asks for a sign-in link as the sign-in form does. */
    Browser.Response requestLink(String email) {
        return post("/api/auth/signin/email", Map.of("csrfToken", csrf(), "email", email));
    }

    private Browser.Response send(String method, String path, Map<String, String> headers, String body) {
        URI server = URI.create(ItServers.serverUrl());
        URI uri = server.resolve(context + path);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(server.getHost())
                .append(':')
                .append(server.getPort())
                .append("\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ")
                    .append(content.length)
                    .append("\r\n");
        }
        String cookieHeader = cookies.header();
        if (!cookieHeader.isEmpty()) {
            head.append("Cookie: ").append(cookieHeader).append("\r\n");
        }
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        try {
            SocketHttp.Response response =
                    SocketHttp.exchange(local, server.getHost(), server.getPort(), head.toString(), content);
            cookies.receive(response.setCookies());
            return new Browser.Response(
                    uri, response.status(), response.headers(), response.body(), response.setCookies());
        } catch (IOException e) {
            throw new AssertionError(
                    method + " " + uri + " from " + local.getHostAddress() + " failed: " + e.getMessage(), e);
        }
    }
}
