package dev.authschema.containerit.engine;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;
import java.util.concurrent.Callable;

/**
 * An unprotected page that reports, one {@code name=value} line each, what the container knows of the caller the
 * engine's authentication mechanism made from the request's session cookie: the principal's name, each group as a
 * role, and whether the guarded beans let the caller in.
 */
@WebServlet("/engine/caller")
@DeclareRoles({"ADMIN", "MEMBER"})
public class CallerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @EJB
    transient AdminDesk desk;

    @Inject
    transient MemberNotes notes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        Principal caller = security.getCallerPrincipal();
        PrintWriter out = response.getWriter();
        out.println("principal=" + (caller == null ? "" : caller.getName()));
        out.println("request.principal="
                + (request.getUserPrincipal() == null
                        ? ""
                        : request.getUserPrincipal().getName()));
        out.println("role.ADMIN=" + security.isCallerInRole("ADMIN"));
        out.println("role.MEMBER=" + security.isCallerInRole("MEMBER"));
        out.println("request.role.ADMIN=" + request.isUserInRole("ADMIN"));
        out.println("ejb.forAdmins=" + outcome(desk::forAdmins));
        out.println("ejb.forMembers=" + outcome(desk::forMembers));
        out.println("cdi.forAdmins=" + outcome(notes::forAdmins));
        out.println("cdi.forMembers=" + outcome(notes::forMembers));
    }

    private static String outcome(Callable<String> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
