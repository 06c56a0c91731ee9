package dev.authschema.demo.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.web.ServletExchange;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a page POST without the engine's CSRF token. The Faces state is kept in the page, not in a session, so it
 * does not tie a form to its browser; the engine's double-submit token does (a cross-site form cannot read it).
 * {@code AuthService} skips that check, which is why the pages do it here.
 */
@WebFilter(filterName = "FormCsrfFilter", urlPatterns = "*.xhtml")
public class FormCsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AuthEngine engine;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())) {
            try {
                engine.requireCsrf(new ServletExchange(request, response));
            } catch (AuthFlowException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
