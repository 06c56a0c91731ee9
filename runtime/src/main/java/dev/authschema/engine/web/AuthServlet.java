package dev.authschema.engine.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.http.UntrustedHostException;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.ratelimit.RateLimitedException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Auth.js's REST endpoints under {@code /api/auth/}: {@code GET session}, {@code GET csrf}, {@code GET providers},
 * {@code POST signin/{provider}}, {@code GET|POST callback/{provider}}, {@code POST signout}, and the built-in
 * {@code error} and {@code verify-request} pages. A servlet (registered by the jar's web fragment) rather than a
 * Jakarta REST resource, so that it works without the application's {@code Application} subclass.
 *
 * <p>Every state-changing POST needs the CSRF token from {@code GET csrf}. Failures redirect to the error page with
 * {@code ?error=Code} (JSON endpoints answer {@code {"error": "Code"}}); details go only to the server log.
 * A client that sends {@code X-Auth-Return-Redirect: 1} gets {@code {"url": ...}} instead of a 302.
 */
@WebServlet(name = "AuthSchemaEndpoints", urlPatterns = AuthEngine.BASE_PATH + "/*")
public class AuthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AuthEngine engine;

    /** What the endpoints answer besides GET and POST; HttpServlet adds HEAD and OPTIONS. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";

    /**
     * Answers every other method with 405 and an {@code Allow} header: HttpServlet's default would be 501 (a server
     * error) for methods it does not know, such as PATCH, and would echo the request, cookies included, to TRACE.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        switch (request.getMethod()) {
            case "GET", "HEAD", "POST", "OPTIONS" -> super.service(request, response);
            default -> {
                response.setHeader("Allow", ALLOWED_METHODS);
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        }
    }

    /** The truth: HttpServlet's default would also list TRACE, which {@link #service} refuses. */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", ALLOWED_METHODS);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!RequestLimits.admit(request, response, new FlowLog(engine.config().debug()))) {
            return;
        }
        ServletExchange exchange = new ServletExchange(request, response);
        String[] path = path(request);
        response.setHeader("Cache-Control", "no-store");
        try {
            switch (path[0]) {
                case "session" -> json(response, engine.sessionJson(exchange));
                case "csrf" -> json(response, Map.of("csrfToken", engine.csrfToken(exchange)));
                case "providers" -> json(response, engine.providersJson(exchange));
                case "callback" -> callbackGet(exchange, request, response, path[1]);
                case "error" -> html(response, BuiltInPages.error(request.getParameter("error")));
                case "verify-request" -> html(response, BuiltInPages.verifyRequest());
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (UntrustedHostException e) {
            refuseHost(response, e);
        } catch (AuthFlowException e) {
            fail(exchange, request, response, e);
        } catch (RuntimeException e) {
            fail(exchange, request, response, new AuthFlowException(AuthErrorCode.Configuration,
                    "unexpected failure in GET " + request.getPathInfo(), e));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!RequestLimits.admit(request, response, new FlowLog(engine.config().debug()))) {
            return;
        }
        ServletExchange exchange = new ServletExchange(request, response);
        String[] path = path(request);
        response.setHeader("Cache-Control", "no-store");
        try {
            engine.rateLimiter().checkPost(exchange); // before reading the body or touching the database
            switch (path[0]) {
                case "signin" -> {
                    engine.requireCsrf(exchange);
                    redirect(request, response, engine.signIn(exchange, path[1]));
                }
                case "callback" -> {
                    if (isEmailProvider(path[1])) {
                        engine.requireCsrf(exchange); // the confirmation page's POST
                    }
                    redirect(request, response, engine.callback(exchange, path[1]));
                }
                case "signout" -> {
                    engine.requireCsrf(exchange);
                    redirect(request, response, engine.signOut(exchange));
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (UntrustedHostException e) {
            refuseHost(response, e);
        } catch (AuthFlowException e) {
            fail(exchange, request, response, e);
        } catch (RuntimeException e) {
            fail(exchange, request, response, new AuthFlowException(AuthErrorCode.Configuration,
                    "unexpected failure in POST " + request.getPathInfo(), e));
        }
    }

    /** The e-mail link lands here: show the confirmation page; only its POST uses the token up. */
    private void callbackGet(ServletExchange exchange, HttpServletRequest request, HttpServletResponse response,
                             String providerId) throws IOException {
        if (!isEmailProvider(providerId)) {
            // Counted like a POST: each OAuth callback makes the server call the provider's token endpoint with the
            // application's client credentials, and a flow's cookies can be replayed for their whole lifetime.
            engine.rateLimiter().checkPost(exchange);
            redirect(request, response, engine.callback(exchange, providerId));
            return;
        }
        String email = request.getParameter("email");
        String token = request.getParameter("token");
        String callbackUrl = request.getParameter("callbackUrl");
        String custom = engine.config().pages().confirmEmail();
        if (custom != null) {
            String target = engine.baseUrl(exchange) + custom + "?email=" + encode(email) + "&token="
                    + encode(token) + (callbackUrl == null ? "" : "&callbackUrl=" + encode(callbackUrl));
            response.sendRedirect(target);
            return;
        }
        String action = engine.baseUrl(exchange) + AuthEngine.BASE_PATH + "/callback/" + providerId;
        response.setHeader("Referrer-Policy", "no-referrer"); // the page URL holds the token
        html(response, BuiltInPages.confirmEmail(action, email == null ? "" : email, token, callbackUrl,
                engine.csrfToken(exchange)));
    }

    private boolean isEmailProvider(String providerId) {
        return engine.config().provider(providerId).filter(EmailProviderConfig.class::isInstance).isPresent();
    }

    private void fail(ServletExchange exchange, HttpServletRequest request, HttpServletResponse response,
                      AuthFlowException e) throws IOException {
        FlowLog log = new FlowLog(engine.config().debug());
        if (e.code() == AuthErrorCode.Configuration && e.getCause() != null) {
            log.error(e.getMessage(), e);
        } else if (e.code() == AuthErrorCode.Configuration) {
            // Also what a request for an unknown provider gets: one line, so such requests cannot flood the log
            // with stack traces.
            log.warn(e.getMessage());
        } else {
            log.debug(() -> e.code() + ": " + e.getMessage());
        }
        if (response.isCommitted()) {
            return;
        }
        if (e instanceof RateLimitedException limited) {
            RateLimitResponse.send(request, response, limited);
            return;
        }
        String first = path(request)[0];
        if ("session".equals(first) || "csrf".equals(first) || "providers".equals(first)) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            json(response, Map.of("error", e.code().name()));
            return;
        }
        String target;
        try {
            target = engine.errorUrl(exchange, e.code());
        } catch (UntrustedHostException untrusted) {
            refuseHost(response, untrusted);
            return;
        }
        redirect(request, response, target);
    }

    /**
     * No trusted base URL for this request (see {@code TrustedBaseUrl}): 400, and one log line that tells the
     * developer what to set. Nothing is built from the host the request named.
     */
    private void refuseHost(HttpServletResponse response, UntrustedHostException e) throws IOException {
        new FlowLog(engine.config().debug()).warn(e.getMessage());
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("Bad request: this server does not build links for the host this request"
                    + " names. Its log says which setting to use.\n");
        }
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        if (request.getHeader("X-Auth-Return-Redirect") != null) {
            json(response, Map.of("url", url));
        } else {
            response.sendRedirect(url);
        }
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.replaceFirst("^/", "").split("/", 2);
        return new String[] {parts[0], parts.length > 1 ? parts[1] : ""};
    }

    private static void json(HttpServletResponse response, Map<String, ?> body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonText.of(body));
    }

    private static void html(HttpServletResponse response, String page) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(page);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
