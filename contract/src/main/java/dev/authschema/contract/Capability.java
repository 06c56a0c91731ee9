package dev.authschema.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * A group of adapter methods that an adapter supports as a whole because its schema has the model of one role.
 * The runtime's {@code AdapterCapability} has the same constants in the same order (a drift test checks it).
 */
public enum Capability {
    USERS(Role.USER),
    ACCOUNTS(Role.ACCOUNT),
    SESSIONS(Role.SESSION),
    VERIFICATION_TOKENS(Role.VERIFICATION_TOKEN),
    AUTHENTICATORS(Role.AUTHENTICATOR),
    RATE_LIMITS(Role.RATE_LIMIT),
    /** Brought by the User model's optional {@code passwordHash} property, not by a model of its own. */
    PASSWORDS(Role.USER, CanonicalProperty.USER_PASSWORD_HASH);

    private final Role role;
    private final CanonicalProperty property;

    Capability(Role role) {
        this(role, null);
    }

    Capability(Role role, CanonicalProperty property) {
        this.role = role;
        this.property = property;
    }

    /** The role whose model brings this capability. */
    public Role role() {
        return role;
    }

    /** The property the role's model must also have for this capability, if any. */
    public Optional<CanonicalProperty> property() {
        return Optional.ofNullable(property);
    }

    /** The capability a model of the role brings. */
    public static Capability of(Role role) {
        return Arrays.stream(values())
                .filter(c -> c.role == role && c.property == null)
                .findFirst()
                .orElseThrow();
    }
}
