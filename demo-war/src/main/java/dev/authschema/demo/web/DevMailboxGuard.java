package dev.authschema.demo.web;

import dev.authschema.demo.config.DemoSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the development pages ({@code /dev/*}, the mailbox with every member's live sign-in link) only in development
 * mode and only to a browser on this machine (see {@link DevMailboxAccess}); everyone else gets 404, as if there
 * were no such page.
 */
@WebFilter(filterName = "DevMailboxGuard", urlPatterns = "/dev/*")
public class DevMailboxGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DemoSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!DevMailboxAccess.allowed(
                settings.developmentMode(), request.getRemoteAddr(), request::getHeader, request.getHeaderNames())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
