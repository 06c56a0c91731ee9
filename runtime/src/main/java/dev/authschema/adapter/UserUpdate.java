package dev.authschema.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A partial update of one user for {@link AuthAdapter#updateUser}: only the properties set here change, and setting
 * one to {@code null} clears it. Immutable; every {@code with...} method returns a new update.
 *
 * <pre>{@code
 * adapter.updateUser(UserUpdate.of(userId).withEmailVerified(Instant.now()).withExtra("role", "admin"));
 * }</pre>
 */
public final class UserUpdate {

    /** The canonical user properties an update can set ({@code id} is the key and never changes). */
    public enum Property {
        /** {@link AdapterUser#name()} */
        NAME,
        /** {@link AdapterUser#email()} */
        EMAIL,
        /** {@link AdapterUser#emailVerified()} */
        EMAIL_VERIFIED,
        /** {@link AdapterUser#image()} */
        IMAGE
    }

    private final String userId;
    private final Patch<Property> patch;

    private UserUpdate(String userId, Patch<Property> patch) {
        this.userId = userId;
        this.patch = patch;
    }

    /**
     * An update of the given user that changes nothing yet.
     *
     * @param userId id of the user to update, required
     * @return an empty update
     */
    public static UserUpdate of(String userId) {
        return new UserUpdate(Objects.requireNonNull(userId, "userId"), Patch.empty(Property.class));
    }

    /**
     * @param name the new display name, or {@code null} to clear it
     * @return this update plus the name
     */
    public UserUpdate withName(String name) {
        return new UserUpdate(userId, patch.with(Property.NAME, name));
    }

    /**
     * @param email the new e-mail address, or {@code null} to clear it
     * @return this update plus the e-mail address
     */
    public UserUpdate withEmail(String email) {
        return new UserUpdate(userId, patch.with(Property.EMAIL, email));
    }

    /**
     * @param emailVerified the new verification time (truncated to milliseconds), or {@code null} to clear it
     * @return this update plus the verification time
     */
    public UserUpdate withEmailVerified(Instant emailVerified) {
        return new UserUpdate(userId, patch.with(Property.EMAIL_VERIFIED, emailVerified));
    }

    /**
     * @param image the new picture URL, or {@code null} to clear it
     * @return this update plus the picture
     */
    public UserUpdate withImage(String image) {
        return new UserUpdate(userId, patch.with(Property.IMAGE, image));
    }

    /**
     * @param name  the extra field's name as in the schema
     * @param value its new value (Java type per the package documentation), or {@code null} to clear it
     * @return this update plus the extra field
     */
    public UserUpdate withExtra(String name, Object value) {
        return new UserUpdate(userId, patch.withExtra(name, value));
    }

    /**
     * @return id of the user to update
     */
    public String userId() {
        return userId;
    }

    /**
     * @param property a canonical property
     * @return whether this update sets it (possibly to {@code null})
     */
    public boolean isSet(Property property) {
        return patch.isSet(property);
    }

    /**
     * @return the canonical properties this update sets
     */
    public Set<Property> setProperties() {
        return patch.setProperties();
    }

    /**
     * @return the new name
     * @throws IllegalStateException if this update does not set it
     */
    public String name() {
        return (String) patch.get(Property.NAME);
    }

    /**
     * @return the new e-mail address
     * @throws IllegalStateException if this update does not set it
     */
    public String email() {
        return (String) patch.get(Property.EMAIL);
    }

    /**
     * @return the new verification time
     * @throws IllegalStateException if this update does not set it
     */
    public Instant emailVerified() {
        return (Instant) patch.get(Property.EMAIL_VERIFIED);
    }

    /**
     * @return the new picture URL
     * @throws IllegalStateException if this update does not set it
     */
    public String image() {
        return (String) patch.get(Property.IMAGE);
    }

    /**
     * @return the extra fields this update sets, in the order they were set; may hold {@code null} values
     */
    public Map<String, Object> extras() {
        return patch.extras();
    }

    /**
     * @return whether this update changes nothing
     */
    public boolean isEmpty() {
        return patch.isEmpty();
    }

    /**
     * The user as it is after this update: the set properties and extras replaced, everything else kept. Lets an
     * adapter that cannot update single columns read, apply and write.
     *
     * @param current the stored user, whose id must be {@link #userId()}
     * @return the updated user
     * @throws IllegalArgumentException if {@code current} is another user
     */
    public AdapterUser applyTo(AdapterUser current) {
        if (!userId.equals(current.id())) {
            throw new IllegalArgumentException("Update of user " + userId + " applied to user " + current.id());
        }
        return new AdapterUser(
                userId,
                patch.valueOr(Property.NAME, current.name()),
                patch.valueOr(Property.EMAIL, current.email()),
                patch.valueOr(Property.EMAIL_VERIFIED, current.emailVerified()),
                patch.valueOr(Property.IMAGE, current.image()),
                patch.mergeExtras(current.extras()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserUpdate that && userId.equals(that.userId) && patch.equals(that.patch);
    }

    @Override
    public int hashCode() {
        return userId.hashCode() * 31 + patch.hashCode();
    }

    @Override
    public String toString() {
        return "UserUpdate[userId=" + userId + ", " + patch + "]";
    }
}
