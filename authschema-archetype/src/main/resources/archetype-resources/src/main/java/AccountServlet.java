package ${package};

import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.model.SessionUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page for signed-in users only ("**": any signed-in user). Without a session the browser is sent to the sign-in
 * page and back here afterwards.
 */
@WebServlet("/account")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class AccountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuthService auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The principal's name is the user's id; the session has the user with its extra fields.
        SessionUser user = auth.session(request, response).orElseThrow().user();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><title>Account</title></head><body>"
                        + "<p>Signed in as <strong id=\"email\">" + html(user.email()) + "</strong>"
                        + " on the plan <strong id=\"plan\">" + html(user.attributes().get("plan")) + "</strong>.</p>"
                        + "<p><a href=\"" + request.getContextPath() + "/api/auth/signout\">Sign out</a></p>"
                        + "</body></html>");
    }

    private static String html(Object value) {
        return String.valueOf(value)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
