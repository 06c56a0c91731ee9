package dev.authschema.engineit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client that connects from another loopback address ({@code 127.0.0.N}; Linux routes all of 127/8 to the loopback
 * interface), so that the server's {@code getRemoteAddr()} sees a client of its own and the rate limits count it
 * apart from every other test, which all come from 127.0.0.1. Plain HTTP/1.1 over a socket, one connection per
 * request, because {@code java.net.http.HttpClient} cannot choose its local address.
 */
final class LoopbackClient {

    private final InetAddress local;
    private final String context;
    private final Map<String, String> cookies = new LinkedHashMap<>();

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
        return send("POST", path, headers, Browser.formBody(form));
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
                .append(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(uri, socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " from " + local.getHostAddress() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private Browser.Response parse(URI uri, byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            bodyBytes = unchunk(new java.io.ByteArrayInputStream(bodyBytes));
        }
        List<String> setCookies = headers.getOrDefault("set-cookie", List.of());
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
                SeenSecrets.remember(value);
            }
        }
        return new Browser.Response(uri, status, headers, new String(bodyBytes, StandardCharsets.UTF_8),
                setCookies);
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            String hex = size.toString().split(";")[0].strip();
            if (hex.isEmpty()) {
                return body.toByteArray();
            }
            int length = Integer.parseInt(hex, 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2); // CRLF after the chunk
        }
    }
}
