package dev.authschema.adapter;

/**
 * A group of {@link AuthAdapter} methods that an adapter supports as a whole, usually because its schema has the
 * model behind it. The engine checks the capabilities its configuration needs once at start-up
 * ({@link AuthAdapter#requireCapabilities}); the conformance kit tests only the declared ones.
 */
public enum AdapterCapability {
    /** User role: createUser, getUser, getUserByEmail, updateUser, deleteUser. Every adapter has it. */
    USERS,
    /** Account role: linkAccount, unlinkAccount, getAccount, getUserByAccount. Needed by OAuth sign-in. */
    ACCOUNTS,
    /** Session role: createSession, getSessionAndUser, updateSession, deleteSession. Needed by database sessions. */
    SESSIONS,
    /** VerificationToken role: createVerificationToken, useVerificationToken. Needed by e-mail sign-in. */
    VERIFICATION_TOKENS,
    /** Authenticator role: the WebAuthn methods. Needed by passkey sign-in. */
    AUTHENTICATORS,
    /**
     * RateLimit role: hitRateLimit, deleteRateLimitsBefore. Optional: with it the engine's rate limits are counted in
     * the database and hold across every server sharing it; without it each server counts in memory.
     */
    RATE_LIMITS,
    /**
     * The User model's {@code passwordHash} property: getPasswordHash, setPasswordHash. Needed by password sign-in.
     * The hash never appears in {@link AdapterUser}: only these two methods read or write it.
     */
    PASSWORDS
}
