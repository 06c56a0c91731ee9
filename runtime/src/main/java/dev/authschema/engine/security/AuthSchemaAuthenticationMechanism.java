package dev.authschema.engine.security;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter;
import dev.authschema.engine.http.ApiClients;
import dev.authschema.engine.http.UntrustedHostException;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.web.ServletExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the session's user the caller on every request, so that {@code @RolesAllowed},
 * {@code SecurityContext.getCallerPrincipal()} and {@code request.isUserInRole} work. The principal's name is the
 * user id; the groups come from the configured roles field ({@code AuthConfig.Builder#rolesField}).
 * A request without a valid session passes through to unprotected resources; for a protected one a browser is sent
 * to the sign-in page (the application's {@code pages().signIn()}, else the built-in {@code /api/auth/signin}) with
 * {@code ?callbackUrl=}, and an API client ({@link ApiClients#isApiCall}: JSON wanted, {@code XMLHttpRequest}, not a
 * GET) gets 401. When the session cannot be read (the database is down) a protected resource answers 503 with
 * {@code Retry-After}.
 */
@ApplicationScoped
public class AuthSchemaAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(AuthSchemaAuthenticationMechanism.class.getName());

    /** Where the session of this request is kept, so that later code on the same request need not read it again. */
    public static final String SESSION_ATTRIBUTE = AuthSession.class.getName();

    @Inject
    AuthEngine engine;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (AuthRouter.BASE_PATH.equals(request.getServletPath()) && !context.isProtected()) {
            // The engine's own endpoints read the session themselves and need no container caller: reading it here
            // too would double the database reads, and each container login costs Liberty a signed LTPA token.
            return context.doNothing();
        }
        Optional<AuthSession> session;
        try {
            session = engine.session(new ServletExchange(request, response));
        } catch (RuntimeException e) {
            // The database may be down. Public pages still render, for an anonymous caller; a protected one answers
            // 503, since sending a signed-in user to the sign-in page would look like losing their session.
            LOG.log(Level.WARNING, "[auth] reading the session failed; caller treated as anonymous", e);
            if (context.isProtected()) {
                harden(response);
                return unavailable(response);
            }
            session = Optional.empty();
        }
        if (session.isPresent()) {
            request.setAttribute(SESSION_ATTRIBUTE, session.get());
            return context.notifyContainerAboutLogin(
                    new AuthSchemaPrincipal(session.get().user()),
                    engine.groups(session.get().user()));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (ApiClients.isApiCall(
                request.getMethod(), request.getHeader("Accept"), request.getHeader("X-Requested-With"))) {
            harden(response);
            return context.responseUnauthorized();
        }
        String custom = engine.config().pages().signIn();
        String signIn = custom != null ? custom : AuthRouter.BASE_PATH + "/signin";
        // Not a path and not getRequestURL(): context.redirect is sendRedirect, which would make a path absolute
        // with the request's Host (or $WSSN, or an absolute-form request target), which the client chooses; this
        // mechanism runs before the web fragment's filter, whose PathOnlyRedirects cannot help here. The target is
        // built from the engine's trusted base URL; the callbackUrl is a path, made absolute the same way later.
        String here =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        harden(response);
        String base;
        try {
            base = signIn.startsWith("https://") || signIn.startsWith("http://")
                    ? ""
                    : engine.baseUrl(new ServletExchange(request, response));
        } catch (UntrustedHostException e) {
            LOG.warning("[auth] " + e.getMessage());
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        return context.redirect(base + signIn + "?callbackUrl=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
    }

    /**
     * The answers this mechanism gives itself (401, the redirect to the sign-in page, 400, 503) are sent before any
     * filter runs, so the web fragment's {@code WebHardeningFilter} never sees them: they get the configured security
     * headers here, and {@code no-store}.
     */
    private void harden(HttpServletResponse response) {
        engine.config().securityHeaders().headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            LOG.log(Level.FINE, "[auth] the client went away before the " + status, e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response) {
        try {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "[auth] the client went away before the 503", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
