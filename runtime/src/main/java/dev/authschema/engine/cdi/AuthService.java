package dev.authschema.engine.cdi;

import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.Callback;
import dev.authschema.engine.actions.PasskeyCallback;
import dev.authschema.engine.actions.PasswordAction;
import dev.authschema.engine.actions.SignIn;
import dev.authschema.engine.actions.SignOut;
import dev.authschema.engine.actions.UpdateSession;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.model.ActiveSession;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.model.SessionUser;
import dev.authschema.engine.security.AuthSchemaAuthenticationMechanism;
import dev.authschema.engine.web.ServletExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints' operations for server-side pages (JSF backing beans, servlets), without the CSRF check: that is the
 * job of {@link dev.authschema.engine.web.forms.FormCsrfFilter}, which the application declares in front of its pages
 * (a Faces view state is no protection: with client-side state saving it is the same for every visitor). Each
 * operation returns the URL to redirect to; failures are returned as the error page URL ({@code ?error=Code}) rather
 * than thrown. The operations go through the engine's router, like the endpoints, and share their error policy.
 *
 * <pre>{@code
 * @Inject AuthService auth;
 * public void signIn() throws IOException {
 *     ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
 *     ec.redirect(auth.signIn((HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse(),
 *             "github", Map.of("callbackUrl", "/app/home.xhtml")));
 * }
 * }</pre>
 */
@ApplicationScoped
public class AuthService {

    @Inject
    AuthEngine engine;

    /**
     * @param request  the request
     * @param response the response (may receive a renewed session cookie)
     * @return the caller's session, or empty
     */
    public Optional<AuthSession> session(HttpServletRequest request, HttpServletResponse response) {
        Object known = request.getAttribute(AuthSchemaAuthenticationMechanism.SESSION_ATTRIBUTE);
        if (known instanceof AuthSession session) {
            return Optional.of(session);
        }
        return engine.session(new ServletExchange(request, response));
    }

    /**
     * Updates the caller's session (Auth.js's {@code unstable_update}): the JWT callback (JWT sessions; the cookie is
     * re-issued with what it returns) and the session callback see {@code trigger = UPDATE} and {@code data}. Only
     * the session of this request's cookie; the page's form is checked by {@code FormCsrfFilter}.
     *
     * @param request  the request
     * @param response the response (may receive the re-issued session cookie)
     * @param data     what to update, as the application's callbacks understand it
     * @return the session's JSON as {@code GET /api/auth/session} would answer now; empty when signed out
     * @throws dev.authschema.engine.session.SessionTooLargeException when the JWT callback's token would outgrow a
     *                                                                 cookie; nothing was set, the old session stays
     */
    public Map<String, Object> updateSession(
            HttpServletRequest request, HttpServletResponse response, Map<String, Object> data) {
        UpdateSession.Outcome outcome = engine.updateSession(new ServletExchange(request, response), data);
        // Later reads in this request (session(), the page) must see the updated session, not the one the
        // authentication mechanism read before.
        outcome.session().ifPresent(s -> request.setAttribute(AuthSchemaAuthenticationMechanism.SESSION_ATTRIBUTE, s));
        return outcome.json();
    }

    /**
     * @param request  the request
     * @param response the response (may receive the CSRF cookie)
     * @return a CSRF token for plain HTML forms that POST to {@code /api/auth/}
     */
    public String csrfToken(HttpServletRequest request, HttpServletResponse response) {
        return engine.csrfToken(new ServletExchange(request, response));
    }

    /**
     * Starts a sign-in.
     *
     * @param request    the request
     * @param response   the response (receives the flow cookies)
     * @param providerId the provider id
     * @param parameters {@code callbackUrl}, and {@code email} for e-mail sign-in
     * @return the URL to redirect to: the provider, the verify-request page, or the error page
     */
    public String signIn(
            HttpServletRequest request,
            HttpServletResponse response,
            String providerId,
            Map<String, String> parameters) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new SignIn.Request(providerId, parameters.get("callbackUrl"), parameters.get("email")));
    }

    /**
     * Finishes an e-mail sign-in from the application's own confirmation page.
     *
     * @param request     the request
     * @param response    the response (receives the session cookie)
     * @param email       the address from the link
     * @param token       the token from the link
     * @param callbackUrl where to go afterwards, or {@code null}
     * @return the URL to redirect to
     */
    public String confirmEmail(
            HttpServletRequest request, HttpServletResponse response, String email, String token, String callbackUrl) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new Callback.EmailRequest("email", email, token, callbackUrl));
    }

    /**
     * Password sign-up from the application's own page: creates the user and mails the link that confirms the
     * address; for an address that has an account, mails its owner instead and answers the same.
     *
     * @param request     the request
     * @param response    the response (receives the session cookie when the provider does not require verification)
     * @param email       the address typed
     * @param password    the new password typed
     * @param callbackUrl where the confirmation link leads, or {@code null}
     * @return the URL to redirect to: the "check your e-mail" page, the sign-up page with {@code ?error=}, or the
     *         error page
     */
    public String signUpWithPassword(
            HttpServletRequest request,
            HttpServletResponse response,
            String email,
            String password,
            String callbackUrl) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new PasswordAction.SignUpRequest(passwordProviderId(), email, password, callbackUrl));
    }

    /**
     * Password sign-in from the application's own page.
     *
     * @param request     the request
     * @param response    the response (receives the session cookie)
     * @param email       the address typed
     * @param password    the password typed
     * @param callbackUrl where to go afterwards, or {@code null}
     * @return the URL to redirect to: the callback URL, or the sign-in page with {@code ?error=CredentialsSignin}
     *         (unknown address and wrong password alike) or {@code ?error=EmailNotVerified}
     */
    public String signInWithPassword(
            HttpServletRequest request,
            HttpServletResponse response,
            String email,
            String password,
            String callbackUrl) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new PasswordAction.SignInRequest(passwordProviderId(), email, password, callbackUrl));
    }

    /**
     * Changes the signed-in user's password; their other database sessions end.
     *
     * @param request         the request
     * @param response        the response
     * @param currentPassword the current password typed
     * @param newPassword     the new password typed
     * @param callbackUrl     where to go afterwards, or {@code null}
     * @return the URL to redirect to, or the error page ({@code ?error=CredentialsSignin} for a wrong current
     *         password, {@code PasswordRejected}, {@code SessionRequired})
     */
    public String changePassword(
            HttpServletRequest request,
            HttpServletResponse response,
            String currentPassword,
            String newPassword,
            String callbackUrl) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new PasswordAction.ChangeRequest(
                                passwordProviderId(), currentPassword, newPassword, callbackUrl));
    }

    /**
     * Mails a reset link if the address has an account; answers the same either way.
     *
     * @param request  the request
     * @param response the response
     * @param email    the address typed
     * @return the URL to redirect to: the "check your e-mail" page
     */
    public String requestPasswordReset(HttpServletRequest request, HttpServletResponse response, String email) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new PasswordAction.ForgotRequest(passwordProviderId(), email));
    }

    /**
     * Sets a new password with a reset link's token (single use) and ends every database session of the user.
     *
     * @param request     the request
     * @param response    the response (this browser's session cookie is cleared)
     * @param email       the address from the link
     * @param token       the token from the link
     * @param newPassword the new password typed
     * @return the URL to redirect to: the sign-in page, the reset page with {@code ?error=PasswordRejected}, or the
     *         error page ({@code ?error=Verification} for a used, expired or forged link)
     */
    public String resetPassword(
            HttpServletRequest request, HttpServletResponse response, String email, String token, String newPassword) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new PasswordAction.ResetRequest(passwordProviderId(), email, token, newPassword));
    }

    /** The first password provider's id; without one the action fails as a configuration error. */
    private String passwordProviderId() {
        return engine.config().providers().stream()
                .filter(PasswordProviderConfig.class::isInstance)
                .map(ProviderConfig::id)
                .findFirst()
                .orElse("password");
    }

    /**
     * @param request     the request
     * @param response    the response (the session cookie is cleared)
     * @param callbackUrl where to go afterwards, or {@code null}
     * @return the URL to redirect to
     */
    public String signOut(HttpServletRequest request, HttpServletResponse response, String callbackUrl) {
        return engine.router().service(new ServletExchange(request, response), new SignOut.Request(callbackUrl));
    }

    /**
     * Finishes a passkey ceremony from the application's own page (the page's form posted the browser's answer;
     * {@code FormCsrfFilter} checked it). The ceremony itself starts at {@code GET /api/auth/webauthn-options/{id}},
     * which {@code /api/auth/passkeys.js} calls.
     *
     * @param request     the request (carries the challenge cookie)
     * @param response    the response (the challenge cookie is cleared; a sign-in receives the session cookie)
     * @param providerId  the passkey provider's id
     * @param action      {@code register} or {@code authenticate}
     * @param data        the browser's {@code PublicKeyCredential} as JSON
     * @param callbackUrl where to go afterwards, or {@code null}
     * @return the URL to redirect to, or the error page ({@code ?error=WebAuthnVerificationError})
     */
    public String passkeyCallback(
            HttpServletRequest request,
            HttpServletResponse response,
            String providerId,
            String action,
            String data,
            String callbackUrl) {
        return engine.router()
                .service(
                        new ServletExchange(request, response),
                        new PasskeyCallback.Request(providerId, action, data, callbackUrl));
    }

    /**
     * @param request  the request
     * @param response the response (may receive a renewed session cookie)
     * @return the caller's passkeys, for an account page; empty when signed out or without an adapter that stores
     *         authenticators
     */
    public List<AdapterAuthenticator> passkeys(HttpServletRequest request, HttpServletResponse response) {
        Optional<AuthAdapter> adapter =
                engine.config().adapter().filter(a -> a.capabilities().contains(AdapterCapability.AUTHENTICATORS));
        return session(request, response)
                .flatMap(session -> adapter.map(
                        a -> a.listAuthenticatorsByUserId(session.user().id())))
                .orElse(List.of());
    }

    /**
     * A valid access token of the user's account at a provider, for calling the provider's API: the stored one, or,
     * when it expired, one refreshed through the provider's token endpoint (and stored, with the provider's rotated
     * refresh token). Many requests on many servers that need a refresh at once cause one token request.
     *
     * @param user       the signed-in user ({@code session(...).user()})
     * @param providerId the OAuth or OpenID Connect provider
     * @return the access token
     * @throws dev.authschema.engine.oauth.RefreshAccessTokenError if the user has no account at the provider, or
     *         its token expired and cannot be refreshed (the provider refused the refresh token): the session is
     *         kept, show the user a link to sign in with the provider again
     */
    public String accessToken(SessionUser user, String providerId) {
        return engine.accessToken(user.id(), providerId);
    }

    /**
     * Signs the caller's user out on every other device (database sessions with an adapter implementing
     * {@code AdapterMaintenance}).
     *
     * @param request  the request
     * @param response the response
     * @return how many sessions were ended
     * @throws UnsupportedOperationException for JWT sessions or an adapter without bulk deletes
     */
    public int signOutOtherSessions(HttpServletRequest request, HttpServletResponse response) {
        return engine.signOutOtherSessions(new ServletExchange(request, response));
    }

    /**
     * The signed-in user's live sessions, for a "your devices" page: when each ends, which is this request's, and the
     * session model's extra fields (by convention {@code userAgent} and {@code ipAddress}, where the application
     * records them). Each session is named by an opaque handle, never by its token: the handle may go into the page
     * and back in a form to {@link #endSession}, and signs no one in.
     *
     * @param request  the request
     * @param response the response (may receive a renewed session cookie)
     * @return the sessions, the one that ends last first; empty when signed out
     * @throws IllegalStateException with JWT sessions, which are listed only with {@code SessionStrategy.DATABASE}
     *                               (no server keeps them), or an adapter without {@code AdapterMaintenance}
     */
    public List<ActiveSession> sessions(HttpServletRequest request, HttpServletResponse response) {
        return engine.sessions(new ServletExchange(request, response));
    }

    /**
     * Ends one of the signed-in user's sessions ("sign out this device"); the page's form is checked by
     * {@code FormCsrfFilter}. A handle of another user's session, of an expired one, or a made-up one ends nothing.
     * Ending this request's own session signs the caller out (its cookie is cleared).
     *
     * @param request  the request
     * @param response the response
     * @param handle   an {@link ActiveSession#handle()} from {@link #sessions} (untrusted: it came back from a form)
     * @return whether a session was ended
     * @throws IllegalStateException with JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    public boolean endSession(HttpServletRequest request, HttpServletResponse response, String handle) {
        return engine.endSession(new ServletExchange(request, response), handle);
    }
}
