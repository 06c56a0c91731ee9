package dev.authschema.demo.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.web.ServletExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** Reads the caller's session token from the engine's session cookie (whose name depends on HTTPS). */
@ApplicationScoped
public class SessionCookie {

    @Inject
    AuthEngine engine;

    /**
     * @param request  the request
     * @param response its response
     * @return the session token the browser sent, if any
     */
    public Optional<String> token(HttpServletRequest request, HttpServletResponse response) {
        ServletExchange exchange = new ServletExchange(request, response);
        return exchange.cookie(engine.cookies(exchange).sessionToken()).filter(token -> !token.isEmpty());
    }
}
