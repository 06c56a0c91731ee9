package dev.authschema.engine.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Answers {@code sendRedirect} with a URL that is not absolute ({@code "/app/home"}, {@code "home"},
 * {@code "../x"}) with a path-only {@code Location} instead of letting the container make it absolute. The Servlet
 * specification has the container build that absolute URL from the request's {@code Host} header (or the authority
 * of an absolute-form request target, or Liberty's {@code $WSSN}), which the client chooses: a request naming
 * {@code evil.example} would be redirected to {@code http://evil.example/app/home}, a poisoned response that a shared
 * cache may serve to everyone. A path-only {@code Location} (RFC 9110, section 10.2.2) is resolved by the browser
 * against the URL it asked for, and names no host. Absolute URLs pass through unchanged.
 */
final class PathOnlyRedirects extends HttpServletResponseWrapper {

    /** A URI scheme followed by a colon: the URL is absolute. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final HttpServletRequest request;

    /**
     * @param request  the request, whose path a relative URL is resolved against
     * @param response the response to wrap
     */
    PathOnlyRedirects(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        String path = pathOnly(request.getRequestURI(), location);
        if (path == null) {
            super.sendRedirect(location);
            return;
        }
        if (isCommitted()) {
            throw new IllegalStateException("sendRedirect(" + location + ") after the response was committed");
        }
        resetBuffer();
        setStatus(HttpServletResponse.SC_FOUND);
        setHeader("Location", path);
        flushBuffer(); // committed, as sendRedirect leaves it
    }

    /**
     * @param requestUri the request's path ({@code getRequestURI()}, still percent-encoded)
     * @param location   what the application passed to {@code sendRedirect}
     * @return the path (with query) the location names, starting with exactly one {@code /}; or {@code null} when the
     *         location is absolute ({@code https://...}, {@code //host/...}) and is to be left as it is
     */
    static String pathOnly(String requestUri, String location) {
        if (location == null
                || location.startsWith("//")
                || SCHEME.matcher(location).find()) {
            return null;
        }
        String path;
        if (location.startsWith("/")) {
            path = location;
        } else {
            String directory = requestUri == null ? "/" : requestUri.substring(0, requestUri.lastIndexOf('/') + 1);
            try {
                path = URI.create(directory.isEmpty() ? "/" : directory)
                        .resolve(location)
                        .toString();
            } catch (IllegalArgumentException notAUri) { // spaces or other characters URI refuses: keep them
                path = directory + location;
            }
        }
        // "/..//evil.example" resolves to "//evil.example", which a browser reads as another host.
        return "/" + path.replaceFirst("^[/\\\\]+", "");
    }
}
