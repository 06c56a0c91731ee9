package dev.authschema.demo.admin;

import dev.authschema.demo.auth.Member;
import dev.authschema.demo.web.Times;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The admin page, for the role {@code ADMIN} only. A visitor is sent to the sign-in page (any signed-in caller may
 * reach the servlet); the members list comes from {@link MemberDirectory}, whose {@code @RolesAllowed("ADMIN")} the
 * container enforces through Jakarta Security, so a member who is not an administrator gets 403.
 */
@WebServlet(name = "AdminPage", urlPatterns = "/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
@DeclareRoles({"ADMIN", "MEMBER"})
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient MemberDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Member> members;
        try {
            members = directory.allMembers();
        } catch (EJBAccessException notAnAdministrator) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>Admin · AuthSchema demo</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + "/static/demo.css\"/></head><body>");
        out.println("<header class=\"top\"><a class=\"brand\" href=\"" + context + "/\">AuthSchema demo</a>"
                + "<nav><a id=\"nav-account\" href=\"" + context + "/account.xhtml\">Account</a></nav></header>");
        out.println("<main class=\"page\"><h1 id=\"admin-title\">Admin</h1>");
        out.println("<p class=\"card\" id=\"admin-caller\">Signed in as <strong>"
                + Html.escape(request.getUserPrincipal().getName())
                + "</strong>; <code>isUserInRole(\"ADMIN\")</code> is <strong>"
                + request.isUserInRole("ADMIN") + "</strong>.</p>");
        out.println("<section class=\"card\"><h2>Members</h2><table id=\"members\"><thead><tr><th>E-mail</th>"
                + "<th>Display name</th><th>Role</th><th>Joined</th></tr></thead><tbody>");
        for (Member member : members) {
            out.println("<tr><td>" + Html.escape(member.getEmail()) + "</td><td>"
                    + Html.escape(member.getDisplayName()) + "</td><td>"
                    + Html.escape(
                            member.getRole() == null ? "" : member.getRole().name()) + "</td><td>"
                    + Html.escape(Times.format(member.getJoinedAt())) + "</td></tr>");
        }
        out.println("</tbody></table></section></main></body></html>");
    }
}
