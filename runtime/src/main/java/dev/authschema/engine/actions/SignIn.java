package dev.authschema.engine.actions;

import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.email.InvalidEmailException;
import dev.authschema.engine.email.PendingCode;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.http.InputLimits;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/auth/signin/{provider}} (Auth.js's {@code actions/signin}): for OAuth, the provider's authorization
 * URL, with the flow's cookies set; for e-mail, the sign-in link is sent and the browser goes to the verify-request
 * page.
 */
public final class SignIn {

    private SignIn() {}

    /**
     * @param providerId  the provider id
     * @param callbackUrl where to go after the sign-in (untrusted), or {@code null}
     * @param email       the address typed, for e-mail sign-in (untrusted), or {@code null}
     */
    public record Request(String providerId, String callbackUrl, String email) implements ActionRequest {

        /**
         * @param exchange   the endpoint's request
         * @param providerId the provider id from the path
         * @return its parameters {@code callbackUrl} and {@code email}
         */
        public static Request from(HttpExchange exchange, String providerId) {
            return new Request(providerId, exchange.parameter("callbackUrl"), exchange.parameter("email"));
        }

        /** Leaves out the address. */
        @Override
        public String toString() {
            return "SignIn.Request[providerId=" + providerId + "]";
        }
    }

    /**
     * @throws AuthFlowException for an unknown provider, a malformed address, or a provider failure
     * @throws dev.authschema.engine.ratelimit.RateLimitedException over the sign-in e-mail limits
     */
    static String run(ActionContext context, HttpExchange exchange, Request request) {
        ProviderConfig provider = context.provider(request.providerId());
        String tooLong = InputLimits.tooLong("callbackUrl", request.callbackUrl());
        if (tooLong != null) { // refused, not shortened: also for callers through AuthService
            throw new AuthFlowException(
                    provider instanceof OAuthProviderConfig ? AuthErrorCode.OAuthSignin : AuthErrorCode.EmailSignin,
                    tooLong);
        }
        if (provider instanceof PasskeyProviderConfig) {
            throw new AuthFlowException(
                    AuthErrorCode.WebAuthnVerificationError,
                    "provider " + provider.id()
                            + " is a passkey provider: its ceremonies start at " + AuthRouter.BASE_PATH
                            + "/webauthn-options/" + provider.id() + ", not at signin");
        }
        if (provider instanceof PasswordProviderConfig) {
            throw new AuthFlowException(
                    AuthErrorCode.CredentialsSignin,
                    "provider " + provider.id() + " is a password provider: its sign-in form posts to "
                            + AuthRouter.BASE_PATH + "/callback/" + provider.id() + ", not to signin");
        }
        String base = context.baseUrl(exchange);
        String callbackUrl = context.safeRedirect(request.callbackUrl(), base);
        if (provider instanceof OAuthProviderConfig oauth) {
            context.cookies().set(exchange, AuthCookies::callbackUrl, encode(callbackUrl), null);
            return context.oauthClient()
                    .begin(
                            exchange,
                            context.cookies().names(exchange),
                            oauth,
                            ActionContext.callbackEndpoint(base, oauth))
                    .toString();
        }
        EmailProviderConfig email = (EmailProviderConfig) provider;
        context.rateLimiter().checkEmailSignIn(exchange, request.email()); // before any database read or mail
        if (email.mailsCodes()) {
            return sendCode(context, exchange, email, request.email(), callbackUrl, base);
        }
        try {
            context.emailSignIn(email)
                    .sendLink(
                            request.email(),
                            callbackUrl,
                            ActionContext.callbackEndpoint(base, email).toString());
        } catch (InvalidEmailException e) {
            throw new AuthFlowException(AuthErrorCode.EmailSignin, "malformed e-mail address: " + e.getMessage(), e);
        }
        return ActionContext.page(
                        base, context.config().pages().verifyRequest(), AuthRouter.BASE_PATH + "/verify-request")
                + "?provider=" + encode(email.id()) + "&type=email";
    }

    /** Mails a code and sends the browser to the page to type it, holding the sealed pending code. */
    private static String sendCode(
            ActionContext context,
            HttpExchange exchange,
            EmailProviderConfig email,
            String rawEmail,
            String callbackUrl,
            String base) {
        String page = ActionContext.callbackEndpoint(base, email).toString();
        PendingCode pending;
        try {
            pending = context.emailCodeSignIn(email).send(rawEmail, callbackUrl, page);
        } catch (InvalidEmailException e) {
            throw new AuthFlowException(AuthErrorCode.EmailSignin, "malformed e-mail address: " + e.getMessage(), e);
        }
        String name = context.cookies().names(exchange).emailCode();
        context.cookies()
                .set(
                        exchange,
                        AuthCookies::emailCode,
                        pending.seal(context.config().secrets(), name),
                        email.maxAge());
        return page;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
