package dev.authschema.engine.passkey;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authschema.engine.crypto.JweSealer;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

/**
 * A ceremony's state in one HttpOnly cookie, encrypted with the secret (salt = cookie name), as the OAuth flow's
 * state: the browser that asked for the options carries it, no server keeps it, and any server that knows the secret
 * can finish a ceremony another started. The expiry is inside the sealed value, so a cookie kept past its
 * {@code Max-Age} is still refused. That it is used once is not the cookie's job: {@code PasskeyCeremonies} marks
 * each challenge as used in the shared store.
 */
final class ChallengeCookie {

    private final SecretRing secrets;
    private final Clock clock;

    ChallengeCookie(SecretRing secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    void write(HttpExchange exchange, AuthCookies names, Ceremony ceremony, Duration maxAge) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("provider", ceremony.provider())
                .claim("action", ceremony.action())
                .claim("challenge", ceremony.challenge())
                .expirationTime(Date.from(clock.instant().plus(maxAge)));
        if (ceremony.userId() != null) {
            claims.claim("userId", ceremony.userId());
        }
        if (ceremony.userHandle() != null) {
            claims.claim("userHandle", ceremony.userHandle());
        }
        if (ceremony.userName() != null) {
            claims.claim("userName", ceremony.userName());
        }
        String name = names.challenge();
        exchange.addCookie(
                new CookieSpec(name, new JweSealer(secrets, name).seal(claims.build()), maxAge, names.secure()));
    }

    /**
     * @return the ceremony, or empty when the cookie is missing, tampered with, expired or another provider's
     */
    Optional<Ceremony> read(HttpExchange exchange, AuthCookies names, String provider) {
        String name = names.challenge();
        return exchange.cookie(name)
                .flatMap(value -> new JweSealer(secrets, name).open(value, clock.instant()))
                .filter(claims -> provider.equals(claims.getClaim("provider")))
                .map(claims -> new Ceremony(
                        provider,
                        (String) claims.getClaim("action"),
                        (String) claims.getClaim("challenge"),
                        (String) claims.getClaim("userId"),
                        (String) claims.getClaim("userHandle"),
                        (String) claims.getClaim("userName")))
                .filter(ceremony -> ceremony.action() != null && ceremony.challenge() != null);
    }

    void clear(HttpExchange exchange, AuthCookies names) {
        exchange.addCookie(CookieSpec.delete(names.challenge(), names.secure()));
    }
}
