package dev.authschema.demo.admin;

import dev.authschema.demo.account.MemberAccounts;
import dev.authschema.demo.auth.Member;
import dev.authschema.demo.web.Times;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The admin page, for the role {@code ADMIN} only: the container enforces it through Jakarta Security (the member's
 * {@code role} field is their group), so a member gets 403 and a visitor the sign-in page.
 */
@WebServlet(name = "AdminPage", urlPatterns = "/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "ADMIN"))
@DeclareRoles({"ADMIN", "MEMBER"})
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient MemberAccounts accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
        out.println("<p class=\"card\" id=\"admin-caller\">Signed in as <strong>" + Html.escape(
                request.getUserPrincipal().getName()) + "</strong>; <code>isUserInRole(\"ADMIN\")</code> is <strong>"
                + request.isUserInRole("ADMIN") + "</strong>.</p>");
        out.println("<section class=\"card\"><h2>Members</h2><table id=\"members\"><thead><tr><th>E-mail</th>"
                + "<th>Display name</th><th>Role</th><th>Joined</th></tr></thead><tbody>");
        for (Member member : accounts.allMembers()) {
            out.println("<tr><td>" + Html.escape(member.getEmail()) + "</td><td>"
                    + Html.escape(member.getDisplayName()) + "</td><td>"
                    + Html.escape(member.getRole() == null ? "" : member.getRole().name()) + "</td><td>"
                    + Html.escape(Times.format(member.getJoinedAt())) + "</td></tr>");
        }
        out.println("</tbody></table></section></main></body></html>");
    }
}
