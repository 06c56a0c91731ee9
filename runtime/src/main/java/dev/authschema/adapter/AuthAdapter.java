package dev.authschema.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the sign-in engine keeps users, accounts, sessions, verification tokens and WebAuthn authenticators: the
 * Java counterpart of an Auth.js database adapter. The build-time generator produces one from a schema file; write
 * your own for any other store and prove it with the conformance kit ({@code authschema-adapter-tck}).
 *
 * <h2>Rules for every method</h2>
 * <ul>
 *   <li>Implementations are safe for concurrent use by many threads.</li>
 *   <li>An absent result is {@link Optional#empty()} and a list is empty, never {@code null}.</li>
 *   <li>Returned models carry the stored values, including every extra field and the database's defaults.</li>
 *   <li>Timestamps keep millisecond precision.</li>
 *   <li>Store failures are reported as {@link AdapterException} or the subclass that says what went wrong (see
 *       there), never as the store's own exception; messages carry no personal data or column values.</li>
 * </ul>
 *
 * <h2>Capabilities</h2>
 * The {@link AdapterCapability#USERS} methods are abstract. The methods of every other capability are optional:
 * their default implementations throw {@link UnsupportedCapabilityException}. An adapter lists what it implements
 * in {@link #capabilities()}, and must implement every method of each capability it lists.
 */
public interface AuthAdapter {

    /**
     * What this adapter implements. The engine refuses at start-up a configuration that needs more
     * ({@link #requireCapabilities}), and the conformance kit tests exactly these.
     *
     * @return the supported capabilities; contains {@link AdapterCapability#USERS}
     */
    Set<AdapterCapability> capabilities();

    /**
     * Checks that this adapter supports everything a configuration needs; the engine calls it once at start-up.
     *
     * @param needed the capabilities the configuration needs
     * @throws UnsupportedCapabilityException naming every missing capability
     */
    default void requireCapabilities(Collection<AdapterCapability> needed) {
        Set<AdapterCapability> missing =
                needed.isEmpty() ? EnumSet.noneOf(AdapterCapability.class) : EnumSet.copyOf(needed);
        missing.removeAll(capabilities());
        if (!missing.isEmpty()) {
            throw new UnsupportedCapabilityException(getClass().getName(), missing, "the configuration");
        }
    }

    // ---- USERS ----------------------------------------------------------------------------------------------

    /**
     * Stores a new user.
     *
     * @param user the user; if its id is {@code null} the adapter generates a unique one
     * @return the stored user with its id, its extras and any database defaults
     * @throws DuplicateEmailException if another user has the e-mail address
     * @throws InvalidValueException   if the store refuses a value, such as a required extra field set to null
     * @throws AdapterException        if the user cannot be stored for another reason
     */
    AdapterUser createUser(AdapterUser user);

    /**
     * @param id a user id
     * @return the user with that id, or empty
     */
    Optional<AdapterUser> getUser(String id);

    /**
     * @param email an e-mail address, compared exactly (the engine normalises addresses before storing them)
     * @return the user with that address, or empty
     */
    Optional<AdapterUser> getUserByEmail(String email);

    /**
     * Changes only the properties and extra fields the update sets; every other value stays as stored.
     *
     * @param update which user and what to change
     * @return the user as stored after the update
     * @throws UnknownUserException    if no user has the id
     * @throws DuplicateEmailException if the update sets an e-mail address another user has
     * @throws InvalidValueException   if the store refuses a value, such as a required extra field set to null
     * @throws AdapterException        if the store fails for another reason
     */
    AdapterUser updateUser(UserUpdate update);

    /**
     * Deletes the user together with their accounts, sessions and authenticators. Deleting an unknown id does
     * nothing.
     *
     * @param id a user id
     */
    void deleteUser(String id);

    // ---- ACCOUNTS -------------------------------------------------------------------------------------------

    /**
     * @param provider          the provider id
     * @param providerAccountId the account's id at the provider
     * @return the user that owns the account, or empty
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        throw unsupported(AdapterCapability.ACCOUNTS, "getUserByAccount");
    }

    /**
     * Stores an account of an existing user with every property given, {@code expiresAt} as a number.
     *
     * @param account the account
     * @return the stored account
     * @throws DuplicateAccountException if an account with the same provider and provider account id exists, also
     *                                   if a concurrent call linked it first; then nothing is changed
     * @throws UnknownUserException      if no user has the account's user id
     * @throws InvalidValueException     if the store refuses a value, such as a required extra field set to null
     * @throws AdapterException          if the store fails for another reason
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default AdapterAccount linkAccount(AdapterAccount account) {
        throw unsupported(AdapterCapability.ACCOUNTS, "linkAccount");
    }

    /**
     * Removes an account. Removing an unknown account does nothing.
     *
     * @param provider          the provider id
     * @param providerAccountId the account's id at the provider
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default void unlinkAccount(String provider, String providerAccountId) {
        throw unsupported(AdapterCapability.ACCOUNTS, "unlinkAccount");
    }

    /**
     * Note the argument order, which follows Auth.js: the provider account id comes first.
     *
     * @param providerAccountId the account's id at the provider
     * @param provider          the provider id
     * @return the account, or empty
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
        throw unsupported(AdapterCapability.ACCOUNTS, "getAccount");
    }

    /**
     * The accounts of one user, as Better Auth's {@code listUserAccounts}: the engine uses it to find the account
     * whose access token {@code AuthService.accessToken} returns.
     *
     * @param userId a user id
     * @return all of the user's accounts, in no particular order; empty for none or an unknown user
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default List<AdapterAccount> listAccountsByUserId(String userId) {
        throw unsupported(AdapterCapability.ACCOUNTS, "listAccountsByUserId");
    }

    /**
     * Changes a stored account, atomically on every server sharing the store: reads the account with a lock that
     * other {@code updateAccount} calls for the same account (on any server) wait for, stores what {@code change}
     * returns, and releases the lock when the store has it. Concurrent calls for one account therefore run one after
     * the other, and each {@code change} sees the result of the one before: this is what lets the engine refresh an
     * expired access token once when many requests on many servers need it (the second caller finds the fresh
     * token and keeps it). With JPA the lock is {@code LockModeType.PESSIMISTIC_WRITE}, a {@code SELECT ... FOR
     * UPDATE} of the account row.
     *
     * <p>{@code change} runs while the lock is held, inside the store's transaction, and may take a network round
     * trip (a token request): keep it shorter than the database's lock wait timeout (Derby's
     * {@code derby.locks.waitTimeout}, 60 s by default; MariaDB's {@code innodb_lock_wait_timeout}, 50 s; PostgreSQL
     * waits without a limit unless {@code lock_timeout} is set) and the container's transaction timeout. It gets the
     * account as stored, never {@code null}, and returns the account to store: the same provider, provider account id,
     * user id and type, any other property and any extra field changed. Returning the argument itself (or an equal
     * account) writes nothing. An exception thrown by {@code change} leaves the account as it was and reaches the
     * caller unchanged.
     *
     * @param provider          the provider id
     * @param providerAccountId the account's id at the provider
     * @param change            turns the stored account into the one to store
     * @return the account as stored after the call
     * @throws UnknownAccountException  if no account has the provider and provider account id
     * @throws IllegalArgumentException if {@code change} returns {@code null}, or an account with another provider,
     *                                  provider account id, user id or type (to move an account, unlink it and link
     *                                  a new one); then nothing is changed
     * @throws InvalidValueException    if the store refuses a value, such as a required extra field set to null
     * @throws AdapterException         if the store fails for another reason, such as a lock wait timeout
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default AdapterAccount updateAccount(
            String provider, String providerAccountId, UnaryOperator<AdapterAccount> change) {
        throw unsupported(AdapterCapability.ACCOUNTS, "updateAccount");
    }

    /**
     * Replaces a stored account's tokens and extra fields with the given account's: {@link #updateAccount(String,
     * String, UnaryOperator)} with a change that ignores what is stored. Adapters need not implement it.
     *
     * @param account the account to store, with the same provider, provider account id, user id and type as stored
     * @return the account as stored after the call
     * @throws UnknownAccountException  if no account has the provider and provider account id
     * @throws IllegalArgumentException if the stored account has another user id or type
     * @throws AdapterException         if the store fails
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#ACCOUNTS} is supported
     */
    default AdapterAccount updateAccount(AdapterAccount account) {
        return updateAccount(account.provider(), account.providerAccountId(), stored -> account);
    }

    /**
     * The check every {@link #updateAccount(String, String, UnaryOperator)} applies to what its change returned.
     *
     * @param stored  the account as stored
     * @param changed what the change returned
     * @return {@code changed}
     * @throws IllegalArgumentException if {@code changed} is {@code null} or has another identity than {@code stored}
     */
    static AdapterAccount checkAccountChange(AdapterAccount stored, AdapterAccount changed) {
        if (changed == null) {
            throw new IllegalArgumentException(
                    "updateAccount: the change returned null; return the stored account" + " to keep it as it is");
        }
        if (!stored.provider().equals(changed.provider())
                || !stored.providerAccountId().equals(changed.providerAccountId())
                || !stored.userId().equals(changed.userId())
                || !stored.type().equals(changed.type())) {
            throw new IllegalArgumentException("updateAccount: the change returned an account with another provider,"
                    + " providerAccountId, userId or type; only tokens and extra fields may change (unlink the"
                    + " account and link a new one to move it); nothing was changed");
        }
        return changed;
    }

    // ---- SESSIONS -------------------------------------------------------------------------------------------

    /**
     * Stores a new database session.
     *
     * @param session the session
     * @return the stored session
     * @throws DuplicateSessionTokenException if a session with the token is stored
     * @throws UnknownUserException           if no user has the session's user id
     * @throws InvalidValueException          if the store refuses a value, such as a required extra field set to null
     * @throws AdapterException               if the store fails for another reason
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#SESSIONS} is supported
     */
    default AdapterSession createSession(AdapterSession session) {
        throw unsupported(AdapterCapability.SESSIONS, "createSession");
    }

    /**
     * Reads a session and its user, in one database round trip. Expired sessions are returned too: the engine
     * checks expiry and deletes them.
     *
     * @param sessionToken a session token
     * @return the session and its user, or empty for an unknown token
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#SESSIONS} is supported
     */
    default Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        throw unsupported(AdapterCapability.SESSIONS, "getSessionAndUser");
    }

    /**
     * Changes only the properties and extra fields the update sets.
     *
     * @param update which session and what to change
     * @return the session as stored after the update, or empty if no session has the token
     * @throws UnknownUserException  if the update sets a user id no user has
     * @throws InvalidValueException if the store refuses a value, such as a required extra field set to null
     * @throws AdapterException      if the store fails for another reason
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#SESSIONS} is supported
     */
    default Optional<AdapterSession> updateSession(SessionUpdate update) {
        throw unsupported(AdapterCapability.SESSIONS, "updateSession");
    }

    /**
     * Deletes a session. Deleting an unknown token is not an error: a user may sign out twice.
     *
     * @param sessionToken a session token
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#SESSIONS} is supported
     */
    default void deleteSession(String sessionToken) {
        throw unsupported(AdapterCapability.SESSIONS, "deleteSession");
    }

    // ---- VERIFICATION_TOKENS --------------------------------------------------------------------------------

    /**
     * Stores exactly the identifier, the (already hashed) token and the expiry.
     *
     * @param token the verification token
     * @return the stored token
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#VERIFICATION_TOKENS} is supported
     */
    default VerificationToken createVerificationToken(VerificationToken token) {
        throw unsupported(AdapterCapability.VERIFICATION_TOKENS, "createVerificationToken");
    }

    /**
     * Returns a token and deletes it, atomically: among any number of concurrent calls for the same token exactly
     * one gets it, and every later call gets empty. Expired tokens are returned too; the engine checks expiry.
     *
     * @param identifier whom the token is for
     * @param token      the hashed token
     * @return the token if this call consumed it; empty if it does not exist, belongs to another identifier, or
     *         was already used
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#VERIFICATION_TOKENS} is supported
     */
    default Optional<VerificationToken> useVerificationToken(String identifier, String token) {
        throw unsupported(AdapterCapability.VERIFICATION_TOKENS, "useVerificationToken");
    }

    // ---- AUTHENTICATORS -------------------------------------------------------------------------------------

    /**
     * Stores a WebAuthn authenticator of an existing user.
     *
     * @param authenticator the authenticator
     * @return the stored authenticator
     * @throws UnknownUserException  if no user has the authenticator's user id
     * @throws InvalidValueException if the store refuses a value
     * @throws AdapterException      if the credential id is stored already, or the store fails for another reason
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#AUTHENTICATORS} is supported
     */
    default AdapterAuthenticator createAuthenticator(AdapterAuthenticator authenticator) {
        throw unsupported(AdapterCapability.AUTHENTICATORS, "createAuthenticator");
    }

    /**
     * @param credentialId a credential id
     * @return the authenticator, or empty
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#AUTHENTICATORS} is supported
     */
    default Optional<AdapterAuthenticator> getAuthenticator(String credentialId) {
        throw unsupported(AdapterCapability.AUTHENTICATORS, "getAuthenticator");
    }

    /**
     * @param userId a user id
     * @return all of the user's authenticators, in no particular order; empty for none or an unknown user
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#AUTHENTICATORS} is supported
     */
    default List<AdapterAuthenticator> listAuthenticatorsByUserId(String userId) {
        throw unsupported(AdapterCapability.AUTHENTICATORS, "listAuthenticatorsByUserId");
    }

    /**
     * Sets the signature counter of an authenticator.
     *
     * @param credentialId a credential id
     * @param newCounter   the new counter
     * @return the authenticator as stored after the update
     * @throws AdapterException if no authenticator has the credential id
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#AUTHENTICATORS} is supported
     */
    default AdapterAuthenticator updateAuthenticatorCounter(String credentialId, long newCounter) {
        throw unsupported(AdapterCapability.AUTHENTICATORS, "updateAuthenticatorCounter");
    }

    // ---- RATE_LIMITS ----------------------------------------------------------------------------------------

    /**
     * Counts one request against a rate-limit key if the key's window has room for it, atomically: among any number
     * of concurrent calls for one key, on any number of servers sharing the store, exactly as many are counted as
     * the window has room for, each with a distinct count, and the rest are refused.
     * <ul>
     *   <li>No row, or a window that started at or before {@code now - window}: the window restarts at {@code now}
     *       with count 1.</li>
     *   <li>An open window with fewer than {@code max} requests: the count goes up by one.</li>
     *   <li>An open window with {@code max} or more: refused ({@link RateLimitWindow#limited()}), nothing written.</li>
     * </ul>
     * Keys are opaque (hashed by the engine) and compare exactly.
     *
     * @param key    the key, at most 100 ASCII characters
     * @param now    the current time
     * @param window how long a window lasts
     * @param max    the most requests a window counts, at least 1
     * @return the key's window after this call
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#RATE_LIMITS} is supported
     */
    default RateLimitWindow hitRateLimit(String key, Instant now, Duration window, int max) {
        throw unsupported(AdapterCapability.RATE_LIMITS, "hitRateLimit");
    }

    /**
     * Deletes up to {@code limit} rate-limit rows whose window started before {@code windowStartBefore}; the
     * periodic clean-up passes the current time minus the longest configured window. Idempotent.
     *
     * @param windowStartBefore rows with an earlier window start go
     * @param limit             the most rows to delete in this call, at least 1
     * @return how many were deleted; less than {@code limit} means none are left
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#RATE_LIMITS} is supported
     */
    default int deleteRateLimitsBefore(Instant windowStartBefore, int limit) {
        throw unsupported(AdapterCapability.RATE_LIMITS, "deleteRateLimitsBefore");
    }

    /**
     * The stored password hash of a user: what {@link #setPasswordHash} last stored, in the hasher's own encoding
     * (a PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$...}). The adapter never interprets it.
     *
     * @param userId the user's id
     * @return the hash; empty if the user has none (signed up another way) or no user has the id
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#PASSWORDS} is supported
     */
    default Optional<String> getPasswordHash(String userId) {
        throw unsupported(AdapterCapability.PASSWORDS, "getPasswordHash");
    }

    /**
     * Stores a user's password hash, replacing any earlier one, or removes it ({@code null}).
     *
     * @param userId       the user's id
     * @param passwordHash the new hash, at most 255 characters, or {@code null} to remove the password
     * @throws UnknownUserException           if no user has the id
     * @throws UnsupportedCapabilityException unless {@link AdapterCapability#PASSWORDS} is supported
     */
    default void setPasswordHash(String userId, String passwordHash) {
        throw unsupported(AdapterCapability.PASSWORDS, "setPasswordHash");
    }

    private UnsupportedCapabilityException unsupported(AdapterCapability capability, String method) {
        return new UnsupportedCapabilityException(getClass().getName(), EnumSet.of(capability), method + "()");
    }
}
