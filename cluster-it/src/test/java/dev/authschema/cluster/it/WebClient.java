package dev.authschema.cluster.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client without JavaScript (after the demo's test helper). Cookies are kept by host, not port,
 * as browsers do, so cookies set by one node go to the other: that is what a load balancer in front of both gives.
 */
final class WebClient {

    private static final int MAX_REDIRECTS = 10;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    HtmlPage get(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET(), UnaryOperator.identity());
    }

    HtmlPage getWithoutRedirect(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Submits a form the way a click on one of its buttons does, and follows the redirects. */
    HtmlPage submit(HtmlPage page, String formId, String buttonId, Map<String, String> values) {
        return submit(page, formId, buttonId, values, UnaryOperator.identity());
    }

    /**
     * Submits a form and follows the redirects, each redirect target first passed through {@code retarget}: that is
     * how a flow started on one node is finished on the other.
     */
    HtmlPage submit(HtmlPage page, String formId, String buttonId, Map<String, String> values,
            UnaryOperator<URI> retarget) {
        HtmlPage.Form form = page.form(formId);
        if (!form.buttons().contains(buttonId)) {
            throw new AssertionError("No button " + buttonId + " in form " + formId + " of " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put(buttonId, "clicked");
        fields.putAll(values);
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(page.uri().resolve(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), retarget);
    }

    /** @return the session cookie's value, which the load and the checks replay without this client */
    String sessionToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(Cluster.SESSION_COOKIE)).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("Not signed in: no " + Cluster.SESSION_COOKIE));
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
            return new HtmlPage(built.uri(), response.statusCode(),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
