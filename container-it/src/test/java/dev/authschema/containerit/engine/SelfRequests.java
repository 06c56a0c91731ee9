package dev.authschema.containerit.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests to the deployment's own servlets from a test inside the server, over the server's HTTP port: the engine's
 * authentication mechanism runs on them as on any browser's request.
 */
final class SelfRequests {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private SelfRequests() {}

    /** GET {@code path} with {@code cookie} as the whole Cookie header (none if {@code null}). */
    static HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(EngineAuthConfig.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST {@code path} with an empty form body and the query in the path. */
    static HttpResponse<String> post(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(EngineAuthConfig.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code name=value} lines of a report page. */
    static Map<String, String> lines(HttpResponse<String> response) {
        Map<String, String> values = new LinkedHashMap<>();
        response.body().lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        });
        return values;
    }
}
