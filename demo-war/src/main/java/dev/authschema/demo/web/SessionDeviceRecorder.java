package dev.authschema.demo.web;

import dev.authschema.demo.account.MemberAccounts;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills a new session's extra fields (user agent, IP address) on its first page request, since the engine creates
 * sessions without them. Later requests cost one UPDATE that matches no row.
 */
@WebFilter(filterName = "SessionDeviceRecorder", urlPatterns = "*.xhtml")
public class SessionDeviceRecorder extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionDeviceRecorder.class.getName());

    @Inject
    private transient MemberAccounts accounts;

    @Inject
    private transient SessionCookie sessionCookie;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            sessionCookie.token(request, response).ifPresent(token -> {
                try {
                    accounts.recordDeviceOnce(token, request.getHeader("User-Agent"), request.getRemoteAddr());
                } catch (RuntimeException e) {
                    // Only a display detail: never fail the page because of it.
                    LOG.log(Level.WARNING, "could not record the session's device", e);
                }
            });
        }
        chain.doFilter(request, response);
    }
}
