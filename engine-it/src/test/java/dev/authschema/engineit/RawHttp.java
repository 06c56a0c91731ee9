package dev.authschema.engineit;

import dev.authschema.testsupport.SocketHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket ({@link SocketHttp}), for the headers Java's HttpClient refuses to send ({@code Host})
 * or that an attacker sends as they like ({@code $WSSN}, {@code X-Forwarded-Host}). Each request has its own
 * connection.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * @param method  the method
     * @param path    the request target, such as {@code /db/api/auth/signin/email}
     * @param headers every header but Content-Length and Connection, in order (a {@code Host} among them)
     * @param body    the body, or {@code null}
     * @return the response; its {@code uri} is the server's URL with {@code path}
     */
    public static Browser.Response send(String method, String path, Map<String, String> headers, String body) {
        List<String> lines = new ArrayList<>();
        headers.forEach((name, value) -> lines.add(name + ": " + value));
        return sendLines(method, path, lines, body);
    }

    /**
     * @param method  the method
     * @param path    the request target (a path, or an absolute URL: the absolute form)
     * @param lines   every header line but Content-Length and Connection, as sent ({@code "Name: value"}); the same
     *                name may come several times
     * @param body    the body, or {@code null}
     * @return the response; its {@code uri} is the server's URL with {@code path}
     */
    public static Browser.Response sendLines(String method, String path, List<String> lines, String body) {
        URI server = URI.create(ItServers.serverUrl());
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        lines.forEach(line -> head.append(line).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n");
        try {
            SocketHttp.Response response =
                    SocketHttp.exchange(null, server.getHost(), server.getPort(), head.toString(), content);
            for (String setCookie : response.setCookies()) {
                String pair = setCookie.split(";", 2)[0];
                SeenSecrets.remember(pair.substring(pair.indexOf('=') + 1));
            }
            URI uri = path.startsWith("http") ? URI.create(path) : server.resolve(path);
            return new Browser.Response(
                    uri, response.status(), response.headers(), response.body(), response.setCookies());
        } catch (IOException e) {
            throw new AssertionError("raw request failed: " + e.getMessage(), e);
        }
    }
}
