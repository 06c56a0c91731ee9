package dev.authschema.engine.web;

import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.HttpExchange;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A servlet request and response as an {@link HttpExchange}. */
public final class ServletExchange implements HttpExchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    /**
     * @param request  the request
     * @param response its response; cookies are added as {@code Set-Cookie} headers
     */
    public ServletExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public Optional<String> cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public String parameter(String name) {
        return request.getParameter(name);
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String baseUrl() {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "https".equals(scheme) && port == 443 || "http".equals(scheme) && port == 80;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    @Override
    public String contextPath() {
        return request.getContextPath();
    }

    @Override
    public void addCookie(CookieSpec cookie) {
        // A header rather than jakarta.servlet.http.Cookie: SameSite must come out the same on every server.
        response.addHeader("Set-Cookie", cookie.toSetCookieHeader());
    }

    @Override
    public String clientAddress() {
        return request.getRemoteAddr();
    }
}
