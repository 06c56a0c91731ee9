package dev.authschema.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A user as the engine sees it: the canonical properties of the User role plus the model's extra fields.
 *
 * <p>{@code id} is {@code null} only in a user handed to {@link AuthAdapter#createUser}, which then generates one.
 * {@code emailVerified} is truncated to milliseconds. {@code extras} is copied into an immutable, ordered map
 * ({@code null} becomes empty); see the package documentation for the Java type of each extra value.
 *
 * @param id            the user's id, or {@code null} before the user is stored
 * @param name          display name, may be {@code null}
 * @param email         e-mail address, unique among users when present, may be {@code null}
 * @param emailVerified when the address was verified, or {@code null}
 * @param image         URL of a picture, may be {@code null}
 * @param extras        values of the model's extra fields by field name, never {@code null}
 */
public record AdapterUser(
        String id, String name, String email, Instant emailVerified, String image, Map<String, Object> extras) {

    /**
     * Normalises: {@code emailVerified} to milliseconds, {@code extras} to an immutable copy.
     *
     * @param id the user's id, or {@code null} before the user is stored
     * @param name display name, may be {@code null}
     * @param email e-mail address, unique among users when present, may be {@code null}
     * @param emailVerified when the address was verified, or {@code null}
     * @param image URL of a picture, may be {@code null}
     * @param extras values of the model's extra fields by field name, never {@code null}
     */
    public AdapterUser {
        emailVerified = Timestamps.toMillis(emailVerified);
        extras = ExtraValues.copyOf(extras);
    }

    /**
     * A user without extra fields.
     *
     * @param id            the id, or {@code null} to let the adapter generate one
     * @param name          display name or {@code null}
     * @param email         e-mail address or {@code null}
     * @param emailVerified verification time or {@code null}
     * @param image         picture URL or {@code null}
     * @return the user
     */
    public static AdapterUser of(String id, String name, String email, Instant emailVerified, String image) {
        return new AdapterUser(id, name, email, emailVerified, image, Map.of());
    }

    /**
     * The same user with another id, for adapters that assign the id on creation.
     *
     * @param newId the id to use
     * @return a copy with {@code id} replaced
     */
    public AdapterUser withId(String newId) {
        return new AdapterUser(newId, name, email, emailVerified, image, extras);
    }

    /**
     * Equal when every canonical property is equal and the extras are equal by value (see the package documentation).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AdapterUser that
                && Objects.equals(id, that.id)
                && Objects.equals(name, that.name)
                && Objects.equals(email, that.email)
                && Objects.equals(emailVerified, that.emailVerified)
                && Objects.equals(image, that.image)
                && ExtraValues.equal(extras, that.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, email, emailVerified, image) * 31 + ExtraValues.hash(extras);
    }

    @Override
    public String toString() {
        return "AdapterUser[id=" + id + ", name=" + name + ", email=" + email + ", emailVerified=" + emailVerified
                + ", image=" + image + ", extras=" + ExtraValues.toString(extras) + "]";
    }
}
