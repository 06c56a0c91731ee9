package dev.authschema.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against a real socket server on the loopback interface that answers with fixed bytes. */
class SocketHttpTest {

    /** Accepts one connection, reads the request head and body, answers {@code response}, returns the request. */
    private static CompletableFuture<String> serveOnce(ServerSocket server, String response) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                while (!request.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    request.write(in.read());
                }
                String head = request.toString(StandardCharsets.ISO_8859_1);
                int length = head.lines()
                        .filter(l -> l.startsWith("Content-Length: "))
                        .mapToInt(l -> Integer.parseInt(l.substring("Content-Length: ".length())))
                        .findFirst()
                        .orElse(0);
                request.write(in.readNBytes(length));
                socket.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
                return new String(request.toByteArray(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void sends_the_head_as_written_and_decodes_a_chunked_utf8_body() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> request = serveOnce(
                    server,
                    "HTTP/1.1 200 OK\r\n"
                            + "Set-Cookie: a=1; Path=/\r\nSet-Cookie: b=2\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "4\r\nZo\u00EB\r\n3;ext=1\r\n ok\r\n0\r\n\r\n");
            SocketHttp.Response response = SocketHttp.exchange(
                    null,
                    "127.0.0.1",
                    server.getLocalPort(),
                    "POST /x HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 3\r\nConnection: close\r\n",
                    "a=b".getBytes(StandardCharsets.UTF_8));

            assertThat(request.get(10, TimeUnit.SECONDS))
                    .isEqualTo("POST /x HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 3\r\nConnection: close\r\n"
                            + "\r\na=b");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Zo\u00EB ok");
            assertThat(response.setCookies()).containsExactly("a=1; Path=/", "b=2");
            assertThat(response.headers()).containsKey("transfer-encoding");
        }
    }

    @Test
    void an_answer_without_a_complete_head_is_an_io_error() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serveOnce(server, "HTTP/1.1 200 OK\r\n");
            assertThatThrownBy(() -> SocketHttp.exchange(
                            null,
                            "127.0.0.1",
                            server.getLocalPort(),
                            "GET / HTTP/1.1\r\nConnection: close\r\n",
                            new byte[0]))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no complete response head");
        }
    }
}
