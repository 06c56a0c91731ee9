package dev.authschema.engineit.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only: an application servlet that redirects as applications do, with {@code sendRedirect} and a URL that is not
 * absolute: {@code ?kind=path} to {@code <context>/test/clock}, {@code ?kind=relative} to {@code clock?from=redirect}
 * (relative to this servlet's URL), {@code ?kind=parent} to {@code ../api/auth/session}. The container would make
 * such a URL absolute from the request's {@code Host}; the runtime's web filter must not let it.
 */
@WebServlet("/test/redirect")
public class RelativeRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String kind = String.valueOf(request.getParameter("kind"));
        switch (kind) {
            case "path" -> response.sendRedirect(request.getContextPath() + "/test/clock");
            case "relative" -> response.sendRedirect("clock?from=redirect");
            case "parent" -> response.sendRedirect("../api/auth/session");
            default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, "kind is path, relative or parent");
        }
    }
}
