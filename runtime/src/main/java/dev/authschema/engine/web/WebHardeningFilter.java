package dev.authschema.engine.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter;
import dev.authschema.engine.config.SecurityHeaders;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.log.FlowLog;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Web-layer hardening for the whole application, registered by the jar's {@code web-fragment.xml} on {@code /*}, so
 * that the application's own pages and servlets get it as well as the engine's endpoints:
 * <ul>
 *   <li>{@code TRACE} is refused (403), so no response ever echoes the request's cookies (HttpOnly or not) and
 *       headers back; the engine's servlet answers it with 405 and its {@code Allow} header itself;</li>
 *   <li>{@code Allow} headers (the answer to {@code OPTIONS}) never list {@code TRACE};</li>
 *   <li>the configured {@link SecurityHeaders} go on every response; pages whose URL carries a sign-in
 *       {@code token} get {@code Referrer-Policy: no-referrer}, and responses to a browser with a session cookie
 *       {@code Cache-Control: no-store};</li>
 *   <li>a body in a charset the server does not know is refused (415) before anything tries to decode it;</li>
 *   <li>a request without a character encoding is decoded as UTF-8 (the same default {@link Utf8RequestEncoding}
 *       sets for the context, repeated here in case the container does not apply it);</li>
 *   <li>{@code sendRedirect} with a URL that is not absolute gets a path-only {@code Location}, never one the
 *       container built from the request's {@code Host} ({@link PathOnlyRedirects}).</li>
 * </ul>
 * Headers are set before the request goes on, so a servlet or page that sets its own value replaces the filter's.
 */
public class WebHardeningFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WebHardeningFilter.class.getName());
    /** Refusals: one warning line each, never a stack trace. */
    private static final FlowLog LOG_LINE = new FlowLog(false);

    @Inject
    private transient Instance<AuthEngine> engines;

    private transient volatile SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String charset = charsetOf(request.getContentType());
        if (charset != null && !isSupported(charset)) {
            // Refused before anything asks for the encoding: the container would fail on every parameter read (and
            // Liberty logs a stack trace each time).
            LOG_LINE.warn("refused " + request.getMethod() + " " + RequestLimits.printable(request.getRequestURI())
                    + ": unknown charset " + RequestLimits.printable(charset));
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("Unsupported charset: send UTF-8.\n");
            return;
        }
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        HttpServletResponse answer = new PathOnlyRedirects(request, response);
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            String method = request.getMethod();
            if ("TRACE".equalsIgnoreCase(method) && !AuthRouter.BASE_PATH.equals(request.getServletPath())) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("text/plain");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("TRACE is not allowed.\n");
                return;
            }
            if ("OPTIONS".equalsIgnoreCase(method)) {
                answer = new AllowWithoutTrace(answer);
            }
        }
        SecurityHeaders configured = securityHeaders();
        configured.headers().forEach(response::setHeader);
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && !request.getContextPath().isEmpty()
                && request.getContextPath().equals(request.getRequestURI())) {
            // The context root without its slash: the container redirects to "/app/" itself, after this filter and
            // with a Location built from the request's Host. The same redirect, path-only.
            String query = request.getQueryString();
            answer.sendRedirect(request.getContextPath() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        if (hasTokenParameter(request)) {
            response.setHeader("Referrer-Policy", "no-referrer"); // the URL itself is a credential
        }
        if (configured.noStoreWhenSignedIn() && hasSessionCookie(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, answer);
    }

    /** The {@code charset} parameter of a {@code Content-Type}, or {@code null}. */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && "charset".equalsIgnoreCase(pair[0].strip())) {
                return pair[1].strip().replace("\"", "");
            }
        }
        return null;
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    /** The engine's configured headers, or the defaults when the application has no engine (yet). */
    private SecurityHeaders securityHeaders() {
        SecurityHeaders known = headers;
        if (known == null) {
            try {
                known = engines != null && engines.isResolvable()
                        ? engines.get().config().securityHeaders()
                        : SecurityHeaders.defaults();
            } catch (RuntimeException e) { // the configuration failed; the engine reports that itself
                LOG.warning("AuthSchema: security headers fall back to the defaults, the engine is not available: "
                        + e.getMessage());
                known = SecurityHeaders.defaults();
            }
            headers = known;
        }
        return known;
    }

    /** Looks at the raw query only: reading parameters here would parse a form body before the application. */
    private static boolean hasTokenParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && ("&" + query).contains("&token=");
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        String secure = new AuthCookies(true).sessionToken();
        return Arrays.stream(cookies)
                .map(Cookie::getName)
                .anyMatch(name -> name.startsWith(AuthCookies.SESSION_TOKEN) || name.startsWith(secure));
    }

    /** Takes {@code TRACE} out of every {@code Allow} header (HttpServlet's {@code doOptions} always lists it). */
    private static final class AllowWithoutTrace extends HttpServletResponseWrapper {

        AllowWithoutTrace(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Allow".equalsIgnoreCase(name) ? withoutTrace(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Allow".equalsIgnoreCase(name) ? withoutTrace(value) : value);
        }

        private static String withoutTrace(String allow) {
            return allow == null
                    ? null
                    : Arrays.stream(allow.split(","))
                            .map(String::strip)
                            .filter(method -> !method.isEmpty() && !"TRACE".equalsIgnoreCase(method))
                            .collect(Collectors.joining(", "));
        }
    }
}
