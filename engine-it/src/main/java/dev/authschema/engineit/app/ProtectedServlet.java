package dev.authschema.engineit.app;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only: a resource for any signed-in caller ({@code **}). Without a session the runtime's authentication
 * mechanism answers it: 401, or (on {@code /dev}, which has a custom sign-in page) a redirect to that page.
 */
@WebServlet("/test/protected")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class ProtectedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("signed in as " + request.getUserPrincipal().getName() + "\n");
    }
}
