package dev.authschema.cluster.app;

import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.oauth.RefreshAccessTokenError;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /it/access-token?provider=demo}: the signed-in user's access token at the provider, from
 * {@link AuthService#accessToken}, as {@code {"accessToken":"..."}}; {@code 401} when signed out, {@code 409
 * {"error":"RefreshAccessTokenError","reason":"REFUSED"}} when it cannot be refreshed, {@code 400} for an unknown
 * provider. Who controls it: the caller's session cookie and the provider id; it only ever answers with the caller's
 * own token. A test fixture of the cluster, not part of the demo: an application that gives its pages the user's
 * provider token does so on the server side.
 */
@WebServlet("/it/access-token")
public class AccessTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthService auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Optional<AuthSession> session = auth.session(request, response);
        if (session.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write("{\"error\":\"SignedOut\"}");
            return;
        }
        try {
            String token = auth.accessToken(session.get().user(), request.getParameter("provider"));
            response.getWriter().write("{\"accessToken\":\"" + jsonText(token) + "\"}");
        } catch (RefreshAccessTokenError e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.getWriter().write("{\"error\":\"RefreshAccessTokenError\",\"reason\":\"" + e.reason() + "\"}");
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write("{\"error\":\"UnknownProvider\"}");
        }
    }

    /** Tokens are URL-safe text; escape anyway, so that no value can end the string. */
    private static String jsonText(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
