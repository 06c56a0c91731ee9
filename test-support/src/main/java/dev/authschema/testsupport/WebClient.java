package dev.authschema.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it follows redirects across hosts (the
 * app, the OIDC provider) and submits Faces forms by their ids. Cookies are kept by host, not port, as browsers do, so
 * cookies one server on {@code 127.0.0.1} sets go to another one there too (what a load balancer in front of both
 * gives).
 */
public final class WebClient {

    private static final int MAX_REDIRECTS = 10;

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    // HTTP/1.1 like a browser: browsers never upgrade plain http:// to HTTP/2 (h2c), and Open Liberty answers the
    // request that carries the h2c upgrade with 200 even where the application called sendError (403, 404).
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A client that is given absolute URLs only. */
    public WebClient() {
        this(null);
    }

    /**
     * @param baseUrl what paths are relative to, such as {@code http://127.0.0.1:28080}, without a trailing slash
     */
    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param pathOrUrl a path on the server or an absolute URL
     * @return the page at the end of the redirects
     */
    public HtmlPage get(String pathOrUrl) {
        return follow(HttpRequest.newBuilder(resolve(pathOrUrl)).GET(), UnaryOperator.identity());
    }

    /**
     * @param pathOrUrl a path on the server or an absolute URL
     * @return the first response, redirects not followed
     */
    public HtmlPage getWithoutRedirect(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
    }

    /**
     * Submits a form the way a click on one of its buttons does, and follows the redirects.
     *
     * @param page     the page holding the form
     * @param formId   the form's id
     * @param buttonId the clicked button's id
     * @param values   the fields to fill in, by their client ids
     * @return the page at the end of the redirects
     */
    public HtmlPage submit(HtmlPage page, String formId, String buttonId, Map<String, String> values) {
        return submit(page, formId, buttonId, values, UnaryOperator.identity());
    }

    /**
     * Submits a form and follows the redirects, each redirect target first passed through {@code retarget}: that is
     * how a flow started on one server is finished on another.
     *
     * @param page     the page holding the form
     * @param formId   the form's id
     * @param buttonId the clicked button's id
     * @param values   the fields to fill in, by their client ids
     * @param retarget where each redirect really goes
     * @return the page at the end of the redirects
     */
    public HtmlPage submit(
            HtmlPage page, String formId, String buttonId, Map<String, String> values, UnaryOperator<URI> retarget) {
        HtmlPage.Form form = page.form(formId);
        if (!form.buttons().contains(buttonId)) {
            throw new AssertionError("No button " + buttonId + " in form " + formId + " of " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put(buttonId, "clicked");
        fields.putAll(values);
        return follow(
                HttpRequest.newBuilder(page.uri().resolve(form.action()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(fields))),
                retarget);
    }

    /**
     * Sends any method with this client's cookies, redirects not followed, and keeps the headers.
     *
     * @param method    an HTTP method, such as {@code TRACE} or {@code OPTIONS}
     * @param pathOrUrl a path on the server or an absolute URL
     * @return the raw response
     */
    public HttpResponse<String> send(String method, String pathOrUrl) {
        try {
            return http.send(
                    HttpRequest.newBuilder(resolve(pathOrUrl))
                            .timeout(Duration.ofSeconds(30))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Sends a request as a cross-site page could make this browser send it (with this browser's cookies): any method,
     * the fields in the query string and, unless the method is GET, HEAD or OPTIONS, also as a form body. Redirects
     * are not followed.
     *
     * @param method  the HTTP method
     * @param path    a path on the server
     * @param query   fields for the query string
     * @param body    fields for a form body, or {@code null} for none
     * @param headers extra headers, name then value
     * @return the response
     */
    public HtmlPage forge(
            String method, String path, Map<String, String> query, Map<String, String> body, String... headers) {
        String queryString = Forms.encode(query);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                resolve(path + (queryString.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + queryString)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(Forms.encode(body)));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * @param name a cookie name
     * @return its value in this client's cookie store, or {@code null}
     */
    public String cookie(String name) {
        return findCookie(name).orElse(null);
    }

    /**
     * @param name a cookie name, such as the session cookie's
     * @return its value in this client's cookie store
     * @throws AssertionError when the client holds no such cookie
     */
    public String requireCookie(String name) {
        return findCookie(name).orElseThrow(() -> new AssertionError("No cookie " + name + " in this client"));
    }

    /**
     * @return the values of every cookie this browser holds (to check that none of them reaches a log)
     */
    public List<String> cookieValues() {
        return cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::getValue)
                .toList();
    }

    private Optional<String> findCookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private HtmlPage follow(HttpRequest.Builder request, UnaryOperator<URI> retarget) {
        HtmlPage page = send(request);
        for (int i = 0; i < MAX_REDIRECTS && page.redirect().isPresent(); i++) {
            URI next = retarget.apply(page.uri().resolve(page.redirect().get()));
            page = send(HttpRequest.newBuilder(next).GET());
        }
        return page;
    }

    private HtmlPage send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new HtmlPage(
                    built.uri(),
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http")) {
            return URI.create(pathOrUrl);
        }
        if (baseUrl == null) {
            throw new IllegalArgumentException("This client takes absolute URLs only, not " + pathOrUrl
                    + ": create it with a base URL to pass paths");
        }
        return URI.create(baseUrl + pathOrUrl);
    }
}
