package dev.authschema.engine.web.forms;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.web.ServletExchange;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * CSRF protection for an application's own pages that call {@code AuthService} (Jakarta Faces or plain servlets):
 * every request that would be processed as a form submission or a state change must carry the engine's
 * double-submit token, the one the browser's CSRF cookie vouches for; see {@link FormSubmissions} for which requests
 * that is. A cross-site page can make the browser send a request with the browser's cookies but cannot read the
 * token, and a browser without the CSRF cookie has no valid token at all, so a login CSRF (a forged POST of the
 * confirm page with the attacker's sign-in link) fails too.
 *
 * <p>Not registered by the jar (it would refuse the POSTs of parts of an application that have their own protection,
 * such as a token-authenticated API); declare it in {@code web.xml} for the whole application:
 * <pre>{@code
 * <filter>
 *   <filter-name>FormCsrfFilter</filter-name>
 *   <filter-class>dev.authschema.engine.web.forms.FormCsrfFilter</filter-class>
 *   <!-- optional: path prefixes with their own protection -->
 *   <init-param><param-name>excludedPaths</param-name><param-value>/api/orders/</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>FormCsrfFilter</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 * Forms carry the token as the hidden field {@code csrfToken}: {@code <auth:csrfToken/>} with
 * {@code xmlns:auth="jakarta.faces.composite/authschema"} in Faces, {@link FormCsrfToken#hiddenField(String)} in a
 * servlet. The engine's own endpoints under {@code /api/auth/} are always left alone: they check the token
 * themselves, and providers post their callbacks from another site.
 *
 * <p>A refused GET, HEAD or POST gets {@code 403} through {@code sendError} (so the application's error page for 403
 * shows; it can tell this case by the request attribute {@link #REFUSED_ATTRIBUTE}), any other method a plain 403
 * page of its own; each refusal writes one log line without any token.
 */
public class FormCsrfFilter extends HttpFilter {

    /** The request attribute set ({@code Boolean.TRUE}) on a refused request, for the error page. */
    public static final String REFUSED_ATTRIBUTE = "dev.authschema.engine.web.forms.refused";

    /** The init parameter: comma-separated path prefixes (below the context root) the filter leaves alone. */
    public static final String EXCLUDED_PATHS = "excludedPaths";

    /** What the container's own error page shows, when the application has none for 403. */
    public static final String MESSAGE = "This form has expired or was sent from another site; nothing was changed."
            + " Reload the page and try again.";

    /** Methods whose refusal goes through {@code sendError}, so that the application's error page for 403 shows. */
    private static final Set<String> ERROR_PAGE_METHODS = Set.of("GET", "HEAD", "POST");

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FormCsrfFilter.class.getName());

    @Inject
    private transient AuthEngine engine;

    private final List<String> excludedPaths = new ArrayList<>();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        excludedPaths.add(AuthRouter.BASE_PATH + "/");
        String configured = config.getInitParameter(EXCLUDED_PATHS);
        if (configured != null) {
            for (String prefix : configured.split(",")) {
                String p = prefix.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (!p.startsWith("/")) {
                    throw new ServletException("FormCsrfFilter: the init parameter " + EXCLUDED_PATHS
                            + " lists path prefixes below the context root, each starting with '/'; '" + p
                            + "' does not");
                }
                excludedPaths.add(p);
            }
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = path(request);
        if (isExcluded(path)) {
            chain.doFilter(request, response);
            return;
        }
        // Reading a parameter fixes the body's encoding: make it UTF-8 unless something before us chose one.
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        switch (FormSubmissions.judge(
                request.getMethod(), request.getParameterMap().keySet())) {
            case PASS -> chain.doFilter(request, response);
            case REFUSE ->
                refuse(
                        request,
                        response,
                        path,
                        "carries Faces form fields but is not a POST (forms are accepted by POST only)");
            case REQUIRE_TOKEN -> {
                if (FormSubmissions.fromAnotherSite(request.getHeader("Sec-Fetch-Site"))) {
                    // Defence in depth: the browser itself says another site (or a sibling subdomain, which could
                    // have tossed a CSRF cookie of its own into this browser) sent it.
                    refuse(request, response, path, "was sent by another site (Sec-Fetch-Site)");
                    return;
                }
                try {
                    engine.requireCsrf(new ServletExchange(request, response));
                } catch (AuthFlowException e) {
                    refuse(request, response, path, "has no CSRF token matching this browser's CSRF cookie");
                    return;
                }
                chain.doFilter(request, response);
            }
        }
    }

    private boolean isExcluded(String path) {
        for (String prefix : excludedPaths) {
            // Whole path segments: "/api/orders" leaves out /api/orders and /api/orders/..., not /api/orders.xhtml.
            String folder = prefix.endsWith("/") ? prefix : prefix + "/";
            if (path.startsWith(folder) || path.equals(prefix) || (path + "/").equals(folder)) {
                return true;
            }
        }
        return false;
    }

    /** The decoded, normalised path below the context root (never the query string, which may hold a token). */
    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String path, String why)
            throws IOException {
        String method = request.getMethod();
        LOG.warning(() -> "[auth] refused a form submission: " + FlowLog.untrusted(method) + " "
                + FlowLog.untrusted(path) + " " + why
                + "; the form expired or another site sent it");
        request.setAttribute(REFUSED_ATTRIBUTE, Boolean.TRUE);
        if (ERROR_PAGE_METHODS.contains(method)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, MESSAGE);
            return;
        }
        // The application's error page is not shown for other methods: Mojarra's FacesServlet answers 400 to PATCH
        // and other methods it does not know, also when it renders an error page. A browser never shows these pages
        // anyway (another site cannot send them without a CORS preflight), so a plain one does.
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/>"
                        + "<title>This form has expired</title></head><body><h1 id=\"form-refused\">This form has expired</h1>"
                        + "<p>" + MESSAGE + "</p></body></html>");
    }
}
