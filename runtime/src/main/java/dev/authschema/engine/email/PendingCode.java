package dev.authschema.engine.email;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authschema.engine.crypto.JweSealer;
import dev.authschema.engine.crypto.SecretRing;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * A mailed code, as the browser that asked for it remembers it: in a cookie sealed with the secret (salt = the cookie
 * name), so the browser can neither read nor change it. It binds the code to its address (the page cannot be pointed
 * at another one) and names the request, whose attempts are counted.
 *
 * @param email       the normalised address the code went to
 * @param storedHash  the code's verification-token hash: what the page burns after the last wrong attempt
 * @param requestId   a random id of this request, the key of its attempt budget
 * @param callbackUrl where to go after sign-in (already checked), or {@code null}
 * @param expires     when the code stops working
 */
public record PendingCode(String email, String storedHash, String requestId, String callbackUrl, Instant expires) {

    /**
     * @param secrets    the application's secrets; the current one seals
     * @param cookieName the cookie's name
     * @return the cookie value
     */
    public String seal(SecretRing secrets, String cookieName) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("email", email)
                .claim("hash", storedHash)
                .claim("request", requestId)
                .claim("callbackUrl", callbackUrl)
                .expirationTime(Date.from(expires))
                .build();
        return new JweSealer(secrets, cookieName).seal(claims);
    }

    /**
     * @param value      the cookie's value (untrusted), or {@code null}
     * @param secrets    the application's secrets; each is tried
     * @param cookieName the cookie's name
     * @param now        the current time
     * @return the pending code, or empty when the cookie is missing, forged, tampered with or expired
     */
    public static Optional<PendingCode> open(String value, SecretRing secrets, String cookieName, Instant now) {
        return new JweSealer(secrets, cookieName).open(value, now).flatMap(claims -> {
            Object email = claims.getClaim("email");
            Object hash = claims.getClaim("hash");
            Object request = claims.getClaim("request");
            Object callbackUrl = claims.getClaim("callbackUrl");
            if (!(email instanceof String e) || !(hash instanceof String h) || !(request instanceof String r)) {
                return Optional.empty();
            }
            return Optional.of(new PendingCode(
                    e,
                    h,
                    r,
                    callbackUrl instanceof String c ? c : null,
                    claims.getExpirationTime().toInstant()));
        });
    }

    /** Leaves out the address and the hash. */
    @Override
    public String toString() {
        return "PendingCode[expires=" + expires + "]";
    }
}
