package dev.authschema.engine.actions;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.email.EmailCodeSignIn;
import dev.authschema.engine.email.EmailSignIn;
import dev.authschema.engine.email.PendingCode;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.oauth.CallbackParameters;
import dev.authschema.engine.oauth.OAuthClient;
import dev.authschema.engine.oauth.OAuthSignIn;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /api/auth/callback/{provider}} (Auth.js's {@code actions/callback}): finishes a sign-in and starts a new
 * session. For OAuth, the provider's redirect back (GET, or a POST from the provider's site); for e-mail, the POST of
 * the confirmation page, which uses the token up ({@link ConfirmEmail} shows that page), or of the page a mailed code
 * is typed into ({@link EmailCodePage}).
 */
public final class Callback {

    private Callback() {}

    /**
     * The provider's redirect back.
     *
     * @param providerId the provider id from the path
     * @param parameters {@code code}, {@code state} or {@code error}
     */
    public record OAuthRequest(String providerId, CallbackParameters parameters) implements ActionRequest {

        /**
         * @param exchange   the endpoint's request
         * @param providerId the provider id from the path
         * @return its parameters {@code code}, {@code state} and {@code error}
         */
        public static OAuthRequest from(HttpExchange exchange, String providerId) {
            return new OAuthRequest(
                    providerId,
                    new CallbackParameters(
                            exchange.parameter("code"), exchange.parameter("state"), exchange.parameter("error")));
        }
    }

    /**
     * The e-mail link's values, as the confirmation page sends them back (or shows them, {@link ConfirmEmail}).
     *
     * @param providerId  the e-mail provider's id
     * @param email       the address from the link (untrusted)
     * @param token       the token from the link (untrusted)
     * @param callbackUrl where to go afterwards (untrusted), or {@code null}
     */
    public record EmailRequest(String providerId, String email, String token, String callbackUrl)
            implements ActionRequest {

        /**
         * @param exchange   the endpoint's request
         * @param providerId the provider id from the path
         * @return its parameters {@code email}, {@code token} and {@code callbackUrl}
         */
        public static EmailRequest from(HttpExchange exchange, String providerId) {
            return new EmailRequest(
                    providerId,
                    exchange.parameter("email"),
                    exchange.parameter("token"),
                    exchange.parameter("callbackUrl"));
        }

        /** Leaves out the address and the token. */
        @Override
        public String toString() {
            return "Callback.EmailRequest[providerId=" + providerId + "]";
        }
    }

    /**
     * A typed one-time code, from the code page ({@link EmailCodePage}); the address and the request come from the
     * browser's sealed cookie, never from the form.
     *
     * @param providerId the e-mail code provider's id
     * @param code       what the user typed (untrusted)
     */
    public record CodeRequest(String providerId, String code) implements ActionRequest {

        /**
         * @param exchange   the endpoint's request
         * @param providerId the provider id from the path
         * @return its parameter {@code code}
         */
        public static CodeRequest from(HttpExchange exchange, String providerId) {
            return new CodeRequest(providerId, exchange.parameter("code"));
        }

        /** Leaves out the code. */
        @Override
        public String toString() {
            return "Callback.CodeRequest[providerId=" + providerId + "]";
        }
    }

    /**
     * @param context    the engine's parts
     * @param exchange   the endpoint's request
     * @param providerId the provider id from the path
     * @return the request the provider's type calls for; an unknown id reads as OAuth (and fails as an unknown
     *         provider when it runs)
     */
    public static ActionRequest from(ActionContext context, HttpExchange exchange, String providerId) {
        if (context.isPasskeyProvider(providerId)) {
            return PasskeyCallback.Request.from(exchange, providerId);
        }
        if (context.isPasswordProvider(providerId)) {
            return PasswordAction.signInFrom(exchange, providerId);
        }
        if (context.isEmailCodeProvider(providerId)) {
            return CodeRequest.from(exchange, providerId);
        }
        return context.isEmailProvider(providerId)
                ? EmailRequest.from(exchange, providerId)
                : OAuthRequest.from(exchange, providerId);
    }

    /**
     * @return the GET callback URL carrying what the provider posted ({@code code}, {@code state}, {@code error}),
     *         on the trusted base URL
     */
    static String asQuery(ActionContext context, HttpExchange exchange, OAuthRequest request) {
        OAuthProviderConfig oauth = context.provider(request.providerId(), OAuthProviderConfig.class);
        StringBuilder url = new StringBuilder(
                ActionContext.callbackEndpoint(context.baseUrl(exchange), oauth).toString());
        char separator = '?';
        for (String[] parameter : new String[][] {
            {"code", request.parameters().code()},
            {"state", request.parameters().state()},
            {"error", request.parameters().error()}
        }) {
            if (parameter[1] != null) {
                url.append(separator)
                        .append(parameter[0])
                        .append('=')
                        .append(URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    static String oauth(ActionContext context, HttpExchange exchange, OAuthRequest request) {
        OAuthProviderConfig oauth = context.provider(request.providerId(), OAuthProviderConfig.class);
        String base = context.baseUrl(exchange);
        AuthCookies cookies = context.cookies().names(exchange);
        String callbackUrl =
                exchange.cookie(cookies.callbackUrl()).map(Callback::decode).orElse(null);
        context.cookies().delete(exchange, AuthCookies::callbackUrl);
        OAuthClient.Result result = context.oauthClient()
                .finish(exchange, cookies, oauth, ActionContext.callbackEndpoint(base, oauth), request.parameters());
        Optional<AdapterUser> signedIn = context.sessions()
                .read(exchange)
                .flatMap(s -> context.adapter().getUser(s.user().id()));
        OAuthSignIn.Outcome outcome = context.oauthSignIn().complete(oauth, result, signedIn);
        return finish(
                context,
                exchange,
                base,
                callbackUrl,
                outcome.user(),
                outcome.account(),
                oauth.id(),
                outcome.isNewUser());
    }

    static String email(ActionContext context, HttpExchange exchange, EmailRequest request) {
        EmailProviderConfig email = context.provider(request.providerId(), EmailProviderConfig.class);
        String base = context.baseUrl(exchange);
        EmailSignIn.Verified verified = context.emailSignIn(email).consume(request.email(), request.token());
        if (verified.isNewUser()) {
            context.events().createUser(verified.user());
        } else if (verified.updatedExisting()) {
            context.events().updateUser(verified.user());
        }
        return finish(
                context,
                exchange,
                base,
                request.callbackUrl(),
                verified.user(),
                null,
                email.id(),
                verified.isNewUser());
    }

    static String emailCode(ActionContext context, HttpExchange exchange, CodeRequest request) {
        EmailProviderConfig email = context.provider(request.providerId(), EmailProviderConfig.class);
        String base = context.baseUrl(exchange);
        Optional<PendingCode> pending = context.pendingCode(exchange);
        EmailCodeSignIn.Outcome outcome;
        try {
            outcome = context.emailCodeSignIn(email).verify(pending.orElse(null), request.code());
        } catch (RuntimeException e) {
            context.cookies().delete(exchange, AuthCookies::emailCode); // the pending code is dead
            throw e;
        }
        if (outcome instanceof EmailCodeSignIn.Wrong wrong) {
            return ActionContext.callbackEndpoint(base, email) + "?" + EmailCodePage.WRONG + "=" + wrong.attemptsLeft();
        }
        context.cookies().delete(exchange, AuthCookies::emailCode);
        EmailSignIn.Verified verified = ((EmailCodeSignIn.SignedIn) outcome).verified();
        return finish(
                context,
                exchange,
                base,
                pending.orElseThrow().callbackUrl(),
                verified.user(),
                null,
                email.id(),
                verified.isNewUser());
    }

    static String finish(
            ActionContext context,
            HttpExchange exchange,
            String base,
            String callbackUrl,
            AdapterUser user,
            AdapterAccount account,
            String providerId,
            boolean isNewUser) {
        context.sessions()
                .start(exchange, user, account, isNewUser ? CallbackTrigger.SIGN_UP : CallbackTrigger.SIGN_IN);
        context.events().signIn(user, account, providerId, isNewUser);
        context.log()
                .debug(() -> "user " + user.id() + " signed in with " + providerId + (isNewUser ? " (new user)" : ""));
        String newUser = context.config().pages().newUser();
        return context.safeRedirect(isNewUser && newUser != null ? newUser : callbackUrl, base);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
