package dev.authschema.engine.actions;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.passkey.RelyingParty;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/auth/webauthn-options/{provider}?action=register|authenticate} (Auth.js's
 * {@code actions/webauthn-options}): starts a passkey ceremony. Answers {@code {action, options}} for
 * {@code navigator.credentials.create} or {@code .get} and sets the sealed challenge cookie. Without {@code action}:
 * register when signed in, else authenticate. A sign-up (register while signed out, where the provider allows it) may
 * send {@code name}, the new user's name.
 */
final class WebAuthnOptions {

    private WebAuthnOptions() {}

    static Map<String, Object> json(ActionContext context, HttpExchange exchange, String providerId) {
        PasskeyProviderConfig provider = context.provider(providerId, PasskeyProviderConfig.class);
        Optional<AdapterUser> signedIn = context.sessions()
                .read(exchange)
                .flatMap(session -> context.adapter().getUser(session.user().id()));
        return context.passkeys()
                .options(
                        exchange,
                        context.cookies().names(exchange),
                        provider,
                        RelyingParty.of(context.baseUrl(exchange)),
                        exchange.parameter("action"),
                        signedIn,
                        exchange.parameter("name"));
    }
}
