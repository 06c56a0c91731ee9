package dev.authschema.engine.actions;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.pages.BuiltInPages;
import dev.authschema.engine.password.PasswordAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The password provider's actions: {@code POST /api/auth/callback/{id}} (sign-in, Auth.js's credentials callback),
 * {@code POST /api/auth/signup/{id}}, and {@code POST /api/auth/password/change | forgot | reset}; and the built-in
 * pages {@code GET /api/auth/signup/{id}} and {@code GET /api/auth/password/forgot | reset}. Every POST is CSRF-checked
 * by the router like the other actions. The password attempts (sign-in, change) count against the password limits
 * per client and per address, the mails (sign-up, reset request) against the sign-in e-mail limits.
 */
public final class PasswordAction {

    private PasswordAction() {}

    /** One of the password provider's requests. The records' {@code toString} leave out passwords and tokens. */
    public sealed interface Request extends ActionRequest
            permits SignInRequest, SignUpRequest, ChangeRequest, ForgotRequest, ResetRequest {}

    /**
     * @param providerId  the password provider's id
     * @param email       the address typed (untrusted)
     * @param password    the password typed (untrusted; never logged)
     * @param callbackUrl where to go afterwards (untrusted), or {@code null}
     */
    public record SignInRequest(String providerId, String email, String password, String callbackUrl)
            implements Request {

        static SignInRequest from(HttpExchange exchange, String providerId) {
            return new SignInRequest(
                    providerId,
                    exchange.parameter("email"),
                    exchange.parameter("password"),
                    exchange.parameter("callbackUrl"));
        }

        @Override
        public String toString() {
            return "PasswordAction.SignInRequest[providerId=" + providerId + "]";
        }
    }

    /**
     * @param providerId  the password provider's id
     * @param email       the address typed (untrusted)
     * @param password    the new password (untrusted; never logged)
     * @param callbackUrl where the confirmation link leads (untrusted), or {@code null}
     */
    public record SignUpRequest(String providerId, String email, String password, String callbackUrl)
            implements Request {

        static SignUpRequest from(HttpExchange exchange, String providerId) {
            return new SignUpRequest(
                    providerId,
                    exchange.parameter("email"),
                    exchange.parameter("password"),
                    exchange.parameter("callbackUrl"));
        }

        @Override
        public String toString() {
            return "PasswordAction.SignUpRequest[providerId=" + providerId + "]";
        }
    }

    /**
     * @param providerId      the password provider's id
     * @param currentPassword the signed-in user's password (untrusted; never logged)
     * @param newPassword     the new one (untrusted; never logged)
     * @param callbackUrl     where to go afterwards (untrusted), or {@code null}
     */
    public record ChangeRequest(String providerId, String currentPassword, String newPassword, String callbackUrl)
            implements Request {

        static ChangeRequest from(HttpExchange exchange, String providerId) {
            return new ChangeRequest(
                    providerId,
                    exchange.parameter("currentPassword"),
                    exchange.parameter("newPassword"),
                    exchange.parameter("callbackUrl"));
        }

        @Override
        public String toString() {
            return "PasswordAction.ChangeRequest[providerId=" + providerId + "]";
        }
    }

    /**
     * @param providerId the password provider's id
     * @param email      the address typed (untrusted)
     */
    public record ForgotRequest(String providerId, String email) implements Request {

        static ForgotRequest from(HttpExchange exchange, String providerId) {
            return new ForgotRequest(providerId, exchange.parameter("email"));
        }

        @Override
        public String toString() {
            return "PasswordAction.ForgotRequest[providerId=" + providerId + "]";
        }
    }

    /**
     * @param providerId  the password provider's id
     * @param email       the address from the link (untrusted)
     * @param token       the token from the link (untrusted; never logged)
     * @param newPassword the new password (untrusted; never logged)
     */
    public record ResetRequest(String providerId, String email, String token, String newPassword) implements Request {

        static ResetRequest from(HttpExchange exchange, String providerId) {
            return new ResetRequest(
                    providerId,
                    exchange.parameter("email"),
                    exchange.parameter("token"),
                    exchange.parameter("newPassword"));
        }

        @Override
        public String toString() {
            return "PasswordAction.ResetRequest[providerId=" + providerId + "]";
        }
    }

    /** {@code POST /api/auth/password/{operation}}, for the configured password provider. */
    static Request fromPath(ActionContext context, HttpExchange exchange, String operation) {
        String id = provider(context).id();
        return switch (operation) {
            case "change" -> ChangeRequest.from(exchange, id);
            case "forgot" -> ForgotRequest.from(exchange, id);
            case "reset" -> ResetRequest.from(exchange, id);
            default -> null;
        };
    }

    static SignUpRequest signUpFrom(HttpExchange exchange, String providerId) {
        return SignUpRequest.from(exchange, providerId);
    }

    static SignInRequest signInFrom(HttpExchange exchange, String providerId) {
        return SignInRequest.from(exchange, providerId);
    }

    /**
     * Runs the action; a refused password or a failed sign-in goes back to the form that sent it, with the error
     * code to show (a reset form keeps its link's token, which a refused password did not use up).
     */
    static String run(ActionContext context, HttpExchange exchange, Request request) {
        try {
            return perform(context, exchange, request);
        } catch (AuthFlowException e) {
            String form = formOf(context, exchange, request, e.code());
            if (form == null) {
                throw e;
            }
            context.log().debug(() -> e.code() + ": " + e.getMessage());
            return form + (form.contains("?") ? "&" : "?") + "error=" + e.code().name();
        }
    }

    private static String formOf(ActionContext context, HttpExchange exchange, Request request, AuthErrorCode code) {
        String base = context.baseUrl(exchange);
        boolean credentials = code == AuthErrorCode.CredentialsSignin || code == AuthErrorCode.EmailNotVerified;
        if (request instanceof SignInRequest signIn && credentials) {
            String custom = context.config().pages().signIn();
            return ActionContext.page(base, custom, AuthRouter.BASE_PATH + "/signin") + "?callbackUrl="
                    + PageQuery.encode(context.safeRedirect(signIn.callbackUrl(), base));
        }
        if (request instanceof SignUpRequest && code == AuthErrorCode.PasswordRejected) {
            return base + AuthRouter.BASE_PATH + "/signup/" + PageQuery.encode(request.providerId());
        }
        if (request instanceof ResetRequest reset && code == AuthErrorCode.PasswordRejected) {
            return base + AuthRouter.BASE_PATH + "/password/reset?token="
                    + PageQuery.encode(String.valueOf(reset.token())) + "&email="
                    + PageQuery.encode(String.valueOf(reset.email()));
        }
        return null;
    }

    private static String perform(ActionContext context, HttpExchange exchange, Request request) {
        PasswordProviderConfig provider = context.provider(request.providerId(), PasswordProviderConfig.class);
        PasswordAccounts accounts = context.passwordAccounts(provider);
        String base = context.baseUrl(exchange);
        if (request instanceof SignInRequest signIn) {
            context.rateLimiter().checkPasswordAttempt(exchange, signIn.email());
            AdapterUser user = accounts.signIn(signIn.email(), signIn.password());
            return Callback.finish(context, exchange, base, signIn.callbackUrl(), user, null, provider.id(), false);
        }
        if (request instanceof SignUpRequest signUp) {
            context.rateLimiter().checkEmailSignIn(exchange, signUp.email()); // it mails
            String callbackUrl = context.safeRedirect(signUp.callbackUrl(), base);
            Optional<AdapterUser> created = accounts.signUp(
                    signUp.email(),
                    signUp.password(),
                    callbackUrl,
                    ActionContext.callbackEndpoint(base, context.provider(provider.emailProviderId()))
                            .toString(),
                    base + AuthRouter.BASE_PATH + "/password/forgot");
            if (created.isPresent()) {
                context.events().createUser(created.get());
                if (!provider.requireEmailVerification()) {
                    return Callback.finish(
                            context, exchange, base, callbackUrl, created.get(), null, provider.id(), true);
                }
            }
            return checkYourMail(context, base, provider);
        }
        if (request instanceof ChangeRequest change) {
            AuthSession session = context.sessions()
                    .read(exchange)
                    .orElseThrow(() -> new AuthFlowException(
                            AuthErrorCode.SessionRequired, "changing a password needs a signed-in user"));
            context.rateLimiter().checkPasswordAttempt(exchange, session.user().email());
            accounts.change(session.user().id(), change.currentPassword(), change.newPassword());
            if (context.sessions().listsSessions()) {
                context.sessions().endOtherSessions(exchange); // whoever knew the old password is signed out
            }
            return context.safeRedirect(change.callbackUrl(), base);
        }
        if (request instanceof ForgotRequest forgot) {
            context.rateLimiter().checkEmailSignIn(exchange, forgot.email()); // it mails
            accounts.requestReset(forgot.email(), base + AuthRouter.BASE_PATH + "/password/reset");
            return checkYourMail(context, base, provider);
        }
        ResetRequest reset = (ResetRequest) request;
        AdapterUser user = accounts.reset(reset.email(), reset.token(), reset.newPassword());
        accounts.endAllSessions(user.id());
        context.sessions().end(exchange); // this browser's too (with JWT sessions, only this browser's)
        return base + AuthRouter.BASE_PATH + "/signin?reset=done";
    }

    /** The "check your e-mail" page: the same after every sign-up and every reset request. */
    private static String checkYourMail(ActionContext context, String base, PasswordProviderConfig provider) {
        return ActionContext.page(
                        base, context.config().pages().verifyRequest(), AuthRouter.BASE_PATH + "/verify-request")
                + "?provider=" + URLEncoder.encode(provider.id(), StandardCharsets.UTF_8) + "&type=credentials";
    }

    /** {@code GET signup/{id}}, {@code GET password/forgot} and {@code GET password/reset}: the built-in pages. */
    static Reply page(ActionContext context, HttpExchange exchange, String page) {
        PasswordProviderConfig provider = provider(context);
        String base = context.baseUrl(exchange);
        BuiltInPages pages = new BuiltInPages(context.config().theme());
        String csrf = context.csrf().token(exchange);
        return switch (page) {
            case "signup" ->
                provider.allowSignUp()
                        ? Reply.Html.ok(pages.passwordSignUp(
                                base,
                                provider,
                                csrf,
                                PageQuery.callbackUrl(context, exchange, base),
                                exchange.parameter("error")))
                        : new Reply.NotFound();
            case "forgot" -> Reply.Html.ok(pages.passwordForgot(base, csrf));
            case "reset" ->
                Reply.Html.ok(pages.passwordReset(
                        base,
                        provider,
                        exchange.parameter("email"),
                        exchange.parameter("token"),
                        csrf,
                        exchange.parameter("error")));
            default -> new Reply.NotFound();
        };
    }

    /** The configured password provider; the {@code password/*} paths need one. */
    static PasswordProviderConfig provider(ActionContext context) {
        return context.passwordProvider()
                .orElseThrow(() -> new AuthFlowException(
                        AuthErrorCode.Configuration,
                        "no password provider is configured: add provider(Providers.password())"));
    }
}
