package dev.authschema.engine.web;

import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.ratelimit.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The answer to a request over a rate limit: status 429 and {@code Retry-After} in seconds, with
 * {@code {"error":"RateLimited"}} for API clients (an {@code X-Auth-Return-Redirect} header or an {@code Accept} that
 * asks for JSON and not HTML) and otherwise the built-in error page with the wait, since a redirect cannot carry 429.
 */
final class RateLimitResponse {

    private RateLimitResponse() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, RateLimitedException e)
            throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        if (wantsJson(request)) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JsonText.of(Map.of("error", AuthErrorCode.RateLimited.name())));
        } else {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(BuiltInPages.rateLimited(e.retryAfterSeconds()));
        }
    }

    private static boolean wantsJson(HttpServletRequest request) {
        if (request.getHeader("X-Auth-Return-Redirect") != null) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
