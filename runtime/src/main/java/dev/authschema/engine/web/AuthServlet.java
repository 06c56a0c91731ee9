package dev.authschema.engine.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter;
import dev.authschema.engine.actions.Reply;
import dev.authschema.engine.log.FlowLog;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Auth.js's REST endpoints under {@code /api/auth/}: {@code GET session}, {@code GET csrf}, {@code GET providers},
 * {@code POST signin/{provider}}, {@code GET|POST callback/{provider}}, {@code POST signout}, and the built-in
 * {@code error} and {@code verify-request} pages. A servlet (registered by the jar's web fragment) rather than a
 * Jakarta REST resource, so that it works without the application's {@code Application} subclass.
 *
 * <p>It applies the input limits, hands the request to the engine's {@link AuthRouter} (routing, rate limits, CSRF,
 * the actions and the error policy) and writes the {@link Reply}.
 */
@WebServlet(name = "AuthSchemaEndpoints", urlPatterns = AuthRouter.BASE_PATH + "/*")
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
        route(request, response, AuthRouter.Method.GET);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        route(request, response, AuthRouter.Method.POST);
    }

    private void route(HttpServletRequest received, HttpServletResponse response, AuthRouter.Method method)
            throws IOException {
        FlowLog log = new FlowLog(engine.config().debug());
        HttpServletRequest request = received;
        // Only Auth.js's update() posts JSON; every other endpoint reads forms alone, so a JSON body there is no form
        // and carries no CSRF token.
        if (method == AuthRouter.Method.POST
                && JsonBodyParameters.SESSION_PATH.equals(received.getPathInfo())
                && JsonBodyParameters.isJson(received)) {
            Optional<HttpServletRequest> json = RequestLimits.withJsonBody(received, response, log);
            if (json.isEmpty()) {
                return;
            }
            request = json.get();
        }
        if (!RequestLimits.admit(request, response, log)) {
            return;
        }
        ServletExchange exchange = new ServletExchange(request, response);
        response.setHeader("Cache-Control", "no-store");
        Reply reply = engine.router().endpoint(exchange, method, request.getPathInfo());
        if (!response.isCommitted()) {
            write(response, reply);
        }
    }

    private static void write(HttpServletResponse response, Reply reply) throws IOException {
        if (reply instanceof Reply.Json json) {
            response.setStatus(json.status());
            json.headers().forEach(response::setHeader);
            body(response, "application/json", JsonText.of(json.body()));
        } else if (reply instanceof Reply.Html html) {
            response.setStatus(html.status());
            html.headers().forEach(response::setHeader);
            body(response, "text/html", html.page());
        } else if (reply instanceof Reply.Stylesheet stylesheet) {
            response.setHeader("Cache-Control", "public, max-age=3600"); // no account data: the theme only
            body(response, "text/css", stylesheet.css());
        } else if (reply instanceof Reply.Redirect redirect) {
            response.sendRedirect(redirect.url());
        } else if (reply instanceof Reply.Script script) {
            response.setStatus(HttpServletResponse.SC_OK);
            body(response, "text/javascript", script.source());
        } else if (reply instanceof Reply.Refusal refusal) {
            response.resetBuffer();
            response.setStatus(refusal.status());
            body(response, "text/plain", refusal.text());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void body(HttpServletResponse response, String contentType, String text) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(text);
    }
}
