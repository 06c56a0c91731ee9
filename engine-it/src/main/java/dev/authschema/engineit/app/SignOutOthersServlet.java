package dev.authschema.engineit.app;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.web.ServletExchange;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Sign out everywhere else" over HTTP, as an application would expose the engine's {@link AuthService} operation (it
 * has no endpoint of its own): a POST with the CSRF token answers {@code {"ended": n}}; a missing or wrong token 403
 * {@code {"error": "MissingCSRF"}}; JWT sessions, which cannot end other sessions, 409.
 */
@WebServlet("/test/sign-out-others")
public class SignOutOthersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AuthEngine engine;

    @Inject
    private transient AuthService auth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        try {
            engine.requireCsrf(new ServletExchange(request, response));
        } catch (AuthFlowException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("error", e.code().name())
                            .build()
                            .toString());
            return;
        }
        try {
            int ended = auth.signOutOtherSessions(request, response);
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("ended", ended)
                            .build()
                            .toString());
        } catch (UnsupportedOperationException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("error", "Unsupported")
                            .build()
                            .toString());
        }
    }
}
