package dev.authschema.engineit;

import dev.authschema.testsupport.CookieJar;
import dev.authschema.testsupport.Forms;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One browser on one deployment ({@code /db} or {@code /jwt}): keeps the app's cookies in a plain map the tests can
 * read, forge and damage, follows no redirect by itself, and speaks the engine's JSON endpoints. Every secret it
 * receives (session cookies, CSRF and e-mail tokens) is remembered in {@link SeenSecrets} for the log check.
 */
public final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Names of the engine's cookies over plain HTTP. */
    public static final String SESSION_COOKIE = "authjs.session-token";

    public static final String CSRF_COOKIE = "authjs.csrf-token";
    public static final String CALLBACK_COOKIE = "authjs.callback-url";

    private final String context;
    private final CookieJar cookies = new CookieJar(SeenSecrets::remember);

    /**
     * @param context {@link ItServers#DB} or {@link ItServers#JWT}
     */
    public Browser(String context) {
        this.context = context;
    }

    /**
     * @return the deployment's base URL, such as {@code http://127.0.0.1:27080/db}
     */
    public String base() {
        return ItServers.serverUrl() + context;
    }

    // ---- cookies ------------------------------------------------------------------------------------------

    public Optional<String> cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void removeCookie(String name) {
        cookies.remove(name);
    }

    public Map<String, String> cookies() {
        return cookies.all();
    }

    /**
     * @return this browser's cookies as one {@code Cookie} header value
     */
    public String cookieHeader() {
        return cookies.header();
    }

    // ---- requests -----------------------------------------------------------------------------------------

    /**
     * @param pathOrUrl a path under the deployment, or an absolute URL of the app
     * @return the response
     */
    public Response get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    /**
     * @param path a path under the deployment
     * @param form the form fields, sent URL-encoded
     * @return the response
     */
    public Response post(String path, Map<String, String> form) {
        return postRaw(path, "application/x-www-form-urlencoded", Forms.encode(form));
    }

    /**
     * @param path        a path under the deployment
     * @param contentType the Content-Type header
     * @param body        the body, sent as it is
     * @return the response
     */
    public Response postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * @param method any HTTP method
     * @param path   a path under the deployment
     * @return the response
     */
    public Response method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * @param method  an HTTP method
     * @param path    a path under the deployment
     * @param headers extra request headers
     * @return the response to a request without a body
     */
    public Response send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path);
        headers.forEach(builder::header);
        return send(builder.method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * @param path    a path under the deployment
     * @param headers extra request headers (such as a foreign {@code Origin})
     * @param form    the form fields, sent URL-encoded
     * @return the response
     */
    public Response post(String path, Map<String, String> headers, Map<String, String> form) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form))));
    }

    /**
     * @param context another deployment of the server
     * @return a browser there holding a copy of this browser's cookies (cookies have {@code Path=/}: a browser sends
     *         them to every deployment of the host)
     */
    public Browser at(String context) {
        Browser other = new Browser(context);
        cookies().forEach(other::setCookie);
        return other;
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        String cookieHeader = cookies.header();
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            cookies.receive(setCookies);
            return new Response(
                    request.uri(), response.statusCode(), response.headers().map(), response.body(), setCookies);
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Sends a request to another host (the OIDC provider) without the app's cookies.
     *
     * @param url an absolute URL
     * @return the response
     */
    public static Response getElsewhere(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    request.uri(), response.statusCode(), response.headers().map(), response.body(), List.of());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- the engine's endpoints ----------------------------------------------------------------------------

    /**
     * @return a CSRF token from {@code GET /api/auth/csrf} (sets the cookie)
     */
    public String csrf() {
        Response response = get("/api/auth/csrf");
        if (response.status() != 200) {
            throw new AssertionError("GET csrf answered " + response.status() + ": " + response.body());
        }
        String token = response.json().getString("csrfToken");
        SeenSecrets.remember(token);
        return token;
    }

    /**
     * @return {@code GET /api/auth/session}'s JSON
     */
    public JsonObject session() {
        Response response = get("/api/auth/session");
        if (response.status() != 200) {
            throw new AssertionError("GET session answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /**
     * @return the signed-in user's e-mail address, or empty when anonymous
     */
    public Optional<String> sessionEmail() {
        JsonObject session = session();
        return session.containsKey("user")
                ? Optional.of(session.getJsonObject("user").getString("email"))
                : Optional.empty();
    }

    /**
     * Asks for a sign-in link.
     *
     * @param email       the address
     * @param callbackUrl where to go afterwards, or {@code null}
     * @return the response (a redirect to the verify-request page)
     */
    public Response requestLink(String email, String callbackUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf());
        form.put("email", email);
        if (callbackUrl != null) {
            form.put("callbackUrl", callbackUrl);
        }
        return post("/api/auth/signin/email", form);
    }

    /**
     * Confirms a sign-in link as the built-in confirmation page's form does.
     *
     * @param link the link from the e-mail
     * @return the response (a redirect)
     */
    public Response confirmLink(String link) {
        Map<String, String> query = Forms.query(URI.create(link));
        Map<String, String> form = new LinkedHashMap<>(query);
        form.put("csrfToken", csrf());
        return post("/api/auth/callback/email", form);
    }

    /**
     * The whole e-mail sign-in: request, read the link from the mailbox, open it, confirm it.
     *
     * @param email a fresh address
     * @return the confirmation's response
     */
    public Response signInByEmail(String email) {
        int received = ItServers.mailbox().count(email);
        Response requested = requestLink(email, null);
        if (requested.status() != 302 || requested.location().contains("error=")) {
            throw new AssertionError("sign-in link request failed: " + requested);
        }
        String link = ItServers.mailbox().awaitSignInLink(email, received);
        Response confirmed = confirmLink(link);
        if (!cookie(SESSION_COOKIE).isPresent()) {
            throw new AssertionError("no session after confirming the link: " + confirmed);
        }
        return confirmed;
    }

    /**
     * Starts an OIDC sign-in and lets the provider answer; returns the provider's redirect back to the app, not yet
     * followed.
     *
     * @param provider the app's provider id ({@code oidc} or {@code trusted})
     * @return the callback URL with {@code code} and {@code state}
     */
    public String authorizeAt(String provider) {
        Response started = post("/api/auth/signin/" + provider, Map.of("csrfToken", csrf()));
        if (started.status() != 302 || started.location().contains("error=")) {
            throw new AssertionError("OIDC sign-in did not start: " + started);
        }
        Response atProvider = getElsewhere(started.location());
        if (atProvider.status() != 302) {
            throw new AssertionError("provider did not redirect back: " + atProvider);
        }
        return atProvider.location();
    }

    /**
     * An HTTP response.
     *
     * @param uri        the request URL
     * @param status     the status code
     * @param headers    the headers
     * @param body       the body
     * @param setCookies the {@code Set-Cookie} headers
     */
    public record Response(
            URI uri, int status, Map<String, List<String>> headers, String body, List<String> setCookies) {

        /**
         * @return the Location header, resolved against the request URL, or "" when there is none
         */
        public String location() {
            List<String> values = headers.getOrDefault("location", headers.getOrDefault("Location", List.of()));
            return values.isEmpty() ? "" : uri.resolve(values.get(0)).toString();
        }

        /**
         * @return the body as a JSON object
         */
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + uri + (location().isEmpty() ? "" : " -> " + location()) + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }
}
