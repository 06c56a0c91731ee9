package dev.authschema.contract;

import java.util.Arrays;

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
    RATE_LIMITS(Role.RATE_LIMIT);

    private final Role role;

    Capability(Role role) {
        this.role = role;
    }

    /** The role whose model brings this capability. */
    public Role role() {
        return role;
    }

    /** The capability a model of the role brings. */
    public static Capability of(Role role) {
        return Arrays.stream(values()).filter(c -> c.role == role).findFirst().orElseThrow();
    }
}
