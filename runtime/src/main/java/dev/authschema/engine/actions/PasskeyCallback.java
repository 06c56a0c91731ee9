package dev.authschema.engine.actions;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.passkey.PasskeyCeremonies;
import dev.authschema.engine.passkey.RelyingParty;
import java.util.Optional;

/**
 * {@code POST /api/auth/callback/{passkey provider}} (Auth.js's WebAuthn callback): the browser's answer to a
 * ceremony that {@link WebAuthnOptions} started. An authentication or a sign-up starts a session; a signed-in user's
 * new passkey is added to their account and the session stays as it is. Guarded by the CSRF check (a POST of the
 * endpoints) and the challenge cookie.
 */
public final class PasskeyCallback {

    private PasskeyCallback() {}

    /**
     * The browser's answer.
     *
     * @param providerId  the passkey provider's id
     * @param action      {@code register} or {@code authenticate} (untrusted; must match the ceremony's)
     * @param data        the {@code PublicKeyCredential} as JSON (untrusted)
     * @param callbackUrl where to go afterwards (untrusted), or {@code null}
     */
    public record Request(String providerId, String action, String data, String callbackUrl) implements ActionRequest {

        /**
         * @param exchange   the endpoint's request
         * @param providerId the provider id from the path
         * @return its parameters {@code action}, {@code data} and {@code callbackUrl}
         */
        public static Request from(HttpExchange exchange, String providerId) {
            return new Request(
                    providerId,
                    exchange.parameter("action"),
                    exchange.parameter("data"),
                    exchange.parameter("callbackUrl"));
        }

        /** Leaves out the credential. */
        @Override
        public String toString() {
            return "PasskeyCallback.Request[providerId=" + providerId + ", action=" + action + "]";
        }
    }

    static String run(ActionContext context, HttpExchange exchange, Request request) {
        PasskeyProviderConfig provider = context.provider(request.providerId(), PasskeyProviderConfig.class);
        String base = context.baseUrl(exchange);
        Optional<AdapterUser> signedIn = context.sessions()
                .read(exchange)
                .flatMap(session -> context.adapter().getUser(session.user().id()));
        PasskeyCeremonies.Outcome outcome = context.passkeys()
                .finish(
                        exchange,
                        context.cookies().names(exchange),
                        provider,
                        RelyingParty.of(base),
                        request.action(),
                        request.data(),
                        signedIn);
        if (!outcome.signIn()) {
            return context.safeRedirect(request.callbackUrl(), base);
        }
        return Callback.finish(
                context,
                exchange,
                base,
                request.callbackUrl(),
                outcome.user(),
                null,
                provider.id(),
                outcome.isNewUser());
    }
}
