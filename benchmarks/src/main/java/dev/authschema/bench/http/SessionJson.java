package dev.authschema.bench.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** What both bare servlets share: the cookie they read and the body of {@code GET /api/auth/session} they write. */
final class SessionJson {

    /** The engine's session cookie over plain HTTP (Auth.js's name), also the JWE key's salt. */
    static final String COOKIE = "authjs.session-token";

    private SessionJson() {}

    static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The engine's shape, key for key: {@code {"user":{"name","email","image"},"expires"}}; {@code {}} if none. */
    static void write(HttpServletResponse response, String name, String email, String image, Instant expires)
            throws IOException {
        StringBuilder json = new StringBuilder(160);
        if (expires != null) {
            json.append("{\"user\":{\"name\":");
            string(json, name);
            json.append(",\"email\":");
            string(json, email);
            json.append(",\"image\":");
            string(json, image);
            json.append("},\"expires\":");
            string(json, expires.toString());
            json.append('}');
        } else {
            json.append("{}");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.toString());
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
