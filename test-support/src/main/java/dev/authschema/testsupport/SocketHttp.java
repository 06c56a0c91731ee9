package dev.authschema.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: for the headers Java's HttpClient refuses to send
 * ({@code Host}) or that an attacker sends as they like, and for a client that connects from a loopback address of
 * its own ({@code 127.0.0.N}), which HttpClient cannot choose.
 */
public final class SocketHttp {

    private SocketHttp() {}

    /**
     * A response as it came over the wire.
     *
     * @param status     the status code
     * @param headers    the headers by lower-case name, in order
     * @param body       the body, chunked transfer decoded, as UTF-8
     * @param setCookies the {@code Set-Cookie} header values
     */
    public record Response(int status, Map<String, List<String>> headers, String body, List<String> setCookies) {}

    /**
     * @param localAddress the address to connect from, or {@code null} for any
     * @param host         the server's host
     * @param port         the server's port
     * @param head         the request line and headers as sent, each line ending in CRLF, without the empty line
     * @param body         the body bytes (may be empty)
     * @return the response
     * @throws IOException when the exchange fails or the response has no complete head
     */
    public static Response exchange(InetAddress localAddress, String host, int port, String head, byte[] body)
            throws IOException {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Response parse(byte[] raw) throws IOException {
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
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(new ByteArrayInputStream(body));
        }
        return new Response(
                status,
                headers,
                new String(body, StandardCharsets.UTF_8),
                headers.getOrDefault("set-cookie", List.of()));
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
