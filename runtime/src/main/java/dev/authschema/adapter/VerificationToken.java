package dev.authschema.adapter;

import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token for passwordless (e-mail) sign-in.
 *
 * <p>The engine hands adapters the <em>hashed</em> token; the plain one only ever travels in the e-mailed link.
 * The pair ({@code identifier}, {@code token}) identifies a stored token. {@code expires} is truncated to
 * milliseconds.
 *
 * @param identifier whom the token is for, usually the normalised e-mail address, required
 * @param token      the hashed token, required
 * @param expires    when the token stops being valid, required
 */
public record VerificationToken(String identifier, String token, Instant expires) {

    /**
     * Checks the required properties and truncates {@code expires} to milliseconds.
     *
     * @param identifier whom the token is for, usually the normalised e-mail address, required
     * @param token the hashed token, required
     * @param expires when the token stops being valid, required
     */
    public VerificationToken {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(token, "token");
        expires = Timestamps.toMillis(Objects.requireNonNull(expires, "expires"));
    }
}
