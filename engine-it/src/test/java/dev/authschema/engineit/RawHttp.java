package dev.authschema.engineit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 over a plain socket, for the headers Java's HttpClient refuses to send ({@code Host}) or that an attacker
 * sends as they like ({@code $WSSN}, {@code X-Forwarded-Host}). Each request has its own connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

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
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        lines.forEach(line -> request.append(line).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            URI uri = path.startsWith("http") ? URI.create(path) : server.resolve(path);
            return parse(uri, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("raw request failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param browser a browser that already holds the deployment's cookies (CSRF)
     * @return its cookies as one {@code Cookie} header value
     */
    public static String cookieHeader(Browser browser) {
        return browser.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Browser.Response parse(URI uri, String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> setCookies = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            if ("set-cookie".equals(name)) {
                setCookies.add(value);
                String pair = value.split(";", 2)[0];
                SeenSecrets.remember(pair.substring(pair.indexOf('=') + 1));
            }
        }
        return new Browser.Response(uri, status, headers, body, setCookies);
    }
}
