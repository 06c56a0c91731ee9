package dev.authschema.containerit.engine;

import dev.authschema.engine.cdi.AuthService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one of {@link AuthService}'s sign-in actions for the {@code email} parameter inside a JTA transaction that it
 * then rolls back ({@code outcome=rollback}, the default) or commits ({@code outcome=commit}), and reports the
 * action's redirect and the rows the action wrote as the transaction saw them before it ended. {@code action}:
 * {@code signin} (e-mail sign-in: a verification token) or {@code signup} (password sign-up: a member and a token).
 */
@WebServlet("/engine/rollback")
public class RollbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthService auth;

    @Inject
    transient EngineRows rows;

    @Resource
    transient UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email");
        boolean commit = "commit".equals(request.getParameter("outcome"));
        String redirect;
        long members;
        long tokens;
        try {
            transaction.begin();
            try {
                redirect = switch (request.getParameter("action")) {
                    case "signup" -> auth.signUpWithPassword(request, response, email, "a long enough password", "/");
                    default -> {
                        Map<String, String> parameters = new HashMap<>();
                        parameters.put("email", email);
                        parameters.put("callbackUrl", "/");
                        yield auth.signIn(request, response, "email", parameters);
                    }
                };
                members = rows.members(email);
                tokens = rows.verificationTokens(email);
            } finally {
                if (commit) {
                    transaction.commit();
                } else {
                    transaction.rollback();
                }
            }
        } catch (Exception e) {
            throw new IOException("the transaction failed: " + e, e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("redirect=" + redirect);
        out.println("inside.members=" + members);
        out.println("inside.tokens=" + tokens);
    }
}
