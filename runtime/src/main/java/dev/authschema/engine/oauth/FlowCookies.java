package dev.authschema.engine.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authschema.engine.crypto.JweSealer;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The state, nonce and PKCE code verifier of an OAuth flow, each in its own short-lived HttpOnly cookie, encrypted
 * with the secret (salt = cookie name) and bound to the provider. No server-side session: any node that knows the
 * secret can finish a flow another node started, and a flow started before a rotation finishes after it (every
 * secret of the ring opens). An OpenID Connect flow always has a nonce; {@link #read} leaves it {@code null} when its
 * cookie is missing, tampered with or another provider's, and the callback then fails.
 */
final class FlowCookies {

    /** As Auth.js: a sign-in at the provider must finish within 15 minutes. */
    static final Duration MAX_AGE = Duration.ofMinutes(15);

    /**
     * What a flow remembers between the redirect to the provider and the callback.
     *
     * @param provider the provider id the flow was started for
     * @param state    the state value
     * @param nonce    the OpenID Connect nonce, or {@code null}
     * @param verifier the PKCE code verifier
     */
    record Flow(String provider, String state, String nonce, String verifier) {

        @Override
        public String toString() {
            return "Flow[provider=" + provider + "]";
        }
    }

    private final SecretRing secrets;
    private final Clock clock;

    FlowCookies(SecretRing secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    void write(HttpExchange exchange, AuthCookies names, Flow flow) {
        Instant expires = clock.instant().plus(MAX_AGE);
        exchange.addCookie(sealed(names.state(), flow.provider(), flow.state(), expires, names.secure()));
        exchange.addCookie(sealed(names.pkceCodeVerifier(), flow.provider(), flow.verifier(), expires, names.secure()));
        if (flow.nonce() != null) {
            exchange.addCookie(sealed(names.nonce(), flow.provider(), flow.nonce(), expires, names.secure()));
        }
    }

    Optional<Flow> read(HttpExchange exchange, AuthCookies names, String provider) {
        Optional<String> state = open(exchange, names.state(), provider);
        Optional<String> verifier = open(exchange, names.pkceCodeVerifier(), provider);
        if (state.isEmpty() || verifier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flow(
                provider, state.get(), open(exchange, names.nonce(), provider).orElse(null), verifier.get()));
    }

    void clear(HttpExchange exchange, AuthCookies names) {
        exchange.addCookie(CookieSpec.delete(names.state(), names.secure()));
        exchange.addCookie(CookieSpec.delete(names.pkceCodeVerifier(), names.secure()));
        exchange.addCookie(CookieSpec.delete(names.nonce(), names.secure()));
    }

    private CookieSpec sealed(String name, String provider, String value, Instant expires, boolean secure) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("value", value)
                .claim("provider", provider)
                .expirationTime(Date.from(expires))
                .build();
        return new CookieSpec(name, new JweSealer(secrets, name).seal(claims), MAX_AGE, secure);
    }

    private Optional<String> open(HttpExchange exchange, String name, String provider) {
        return exchange.cookie(name)
                .flatMap(value -> new JweSealer(secrets, name).open(value, clock.instant()))
                .filter(claims -> provider.equals(claims.getClaim("provider")))
                .map(claims -> (String) claims.getClaim("value"));
    }
}
