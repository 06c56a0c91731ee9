package dev.authschema.engineit.app;

import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.model.AuthSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Test-only: a page for the passkey ceremonies in a real browser. It uses the engine's script
 * ({@code /api/auth/passkeys.js}) and nothing inline, under {@code Content-Security-Policy: default-src 'self'}, so
 * a test that gets through a ceremony here shows the script works under a strict policy. Shows who is signed in and
 * their passkeys ({@link AuthService#passkeys}), with buttons to sign up, add a passkey, sign in and sign out.
 */
@WebServlet("/test/passkeys")
public class PasskeyPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthService auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AuthSession> session = auth.session(request, response);
        List<AdapterAuthenticator> passkeys = auth.passkeys(request, response);
        String csrf = auth.csrfToken(request, response);
        String api = request.getContextPath() + "/api/auth";
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Passkeys</title><script src=\"" + api + "/passkeys.js\" defer></script></head><body>");
        page.append("<p id=\"who\">")
                .append(session.map(s -> "user " + s.user().id()).orElse("signed out"))
                .append("</p><p id=\"status\" data-passkey-status hidden></p>");
        page.append("<ul id=\"passkeys\">");
        for (AdapterAuthenticator passkey : passkeys) {
            page.append("<li class=\"passkey\">")
                    .append(passkey.credentialId())
                    .append(" counter ")
                    .append(passkey.counter())
                    .append("</li>");
        }
        page.append("</ul>");
        if (session.isPresent()) {
            page.append("<button id=\"register\" type=\"button\" data-passkey-action=\"register\">Add a passkey"
                            + "</button><form method=\"post\" action=\"")
                    .append(api)
                    .append("/signout\">" + "<input type=\"hidden\" name=\"csrfToken\" value=\"")
                    .append(csrf)
                    .append("\">" + "<input type=\"hidden\" name=\"callbackUrl\" value=\"")
                    .append(request.getContextPath())
                    .append("/test/passkeys\"><button id=\"sign-out\" type=\"submit\">Sign out</button></form>");
        } else {
            page.append("<input id=\"name\" value=\"Passkey tester\"><button id=\"sign-up\" type=\"button\""
                    + " data-passkey-action=\"register\" data-name-input=\"name\">Sign up with a passkey</button>"
                    + "<button id=\"sign-in\" type=\"button\" data-passkey-action=\"authenticate\">Sign in with a"
                    + " passkey</button>");
        }
        page.append("</body></html>");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(page.toString());
    }
}
