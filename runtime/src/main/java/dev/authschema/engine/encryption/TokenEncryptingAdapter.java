package dev.authschema.engine.encryption;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.adapter.VerificationToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * An adapter that stores the access, refresh and ID tokens of accounts encrypted ({@link TokenCipher}) and gives
 * them back decrypted: the engine, the application and the conformance kit see plain tokens, the database holds
 * {@value TokenCipher#PREFIX}... values. Every other call goes to the wrapped adapter unchanged.
 *
 * <p>A stored value that no key decrypts (written with a secret that has been removed, tampered with, or copied from
 * another row) is read as absent ({@code null}), and a warning naming the provider and the column, never the value,
 * is logged: the user signs in with the provider again, which stores new tokens. Values stored before encryption was
 * turned on have no prefix and are read as they are; they are encrypted the next time the account is written.
 */
public class TokenEncryptingAdapter implements AuthAdapter {

    private static final Logger LOG = Logger.getLogger(TokenEncryptingAdapter.class.getName());

    /** The wrapped adapter. */
    protected final AuthAdapter delegate;

    private final TokenCipher cipher;

    TokenEncryptingAdapter(AuthAdapter delegate, TokenCipher cipher) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * @param adapter the adapter to wrap
     * @param secrets the application's secrets, newest first: the first encrypts, all decrypt
     * @return the wrapping adapter; it implements {@link AdapterMaintenance} if {@code adapter} does
     */
    public static AuthAdapter wrap(AuthAdapter adapter, List<String> secrets) {
        TokenCipher cipher = new TokenCipher(secrets);
        return adapter instanceof AdapterMaintenance
                ? new Maintained(adapter, cipher)
                : new TokenEncryptingAdapter(adapter, cipher);
    }

    // ---- the account tokens -----------------------------------------------------------------------------------

    private AdapterAccount encrypt(AdapterAccount a) {
        return new AdapterAccount(
                a.userId(),
                a.type(),
                a.provider(),
                a.providerAccountId(),
                cipher.encrypt(a.refreshToken(), context(a, "refresh_token")),
                cipher.encrypt(a.accessToken(), context(a, "access_token")),
                a.expiresAt(),
                a.tokenType(),
                a.scope(),
                cipher.encrypt(a.idToken(), context(a, "id_token")),
                a.sessionState(),
                a.extras());
    }

    private AdapterAccount decrypt(AdapterAccount a) {
        return new AdapterAccount(
                a.userId(),
                a.type(),
                a.provider(),
                a.providerAccountId(),
                open(a, a.refreshToken(), "refresh_token"),
                open(a, a.accessToken(), "access_token"),
                a.expiresAt(),
                a.tokenType(),
                a.scope(),
                open(a, a.idToken(), "id_token"),
                a.sessionState(),
                a.extras());
    }

    private String open(AdapterAccount account, String stored, String column) {
        Optional<String> plain = cipher.decrypt(stored, context(account, column));
        if (plain.isEmpty() && stored != null) {
            LOG.warning("the stored " + column + " of an account of provider '" + account.provider()
                    + "' could not be decrypted (written with a secret no longer configured, or altered): read as"
                    + " absent; a new sign-in with the provider stores new tokens");
        }
        return plain.orElse(null);
    }

    /** Binds a ciphertext to its account and column. */
    private static String context(AdapterAccount account, String column) {
        return account.provider() + '\u0000' + account.providerAccountId() + '\u0000' + column;
    }

    @Override
    public AdapterAccount linkAccount(AdapterAccount account) {
        return decrypt(delegate.linkAccount(encrypt(account)));
    }

    @Override
    public Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
        return delegate.getAccount(providerAccountId, provider).map(this::decrypt);
    }

    @Override
    public List<AdapterAccount> listAccountsByUserId(String userId) {
        return delegate.listAccountsByUserId(userId).stream().map(this::decrypt).toList();
    }

    /** A change that keeps the account returns the stored ciphertexts, so that nothing is written. */
    @Override
    public AdapterAccount updateAccount(
            String provider, String providerAccountId, UnaryOperator<AdapterAccount> change) {
        return decrypt(delegate.updateAccount(provider, providerAccountId, stored -> {
            AdapterAccount plain = decrypt(stored);
            AdapterAccount changed = change.apply(plain);
            return changed == null ? null : changed.equals(plain) ? stored : encrypt(changed);
        }));
    }

    // ---- everything else goes through -------------------------------------------------------------------------

    @Override
    public Set<AdapterCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public AdapterUser createUser(AdapterUser user) {
        return delegate.createUser(user);
    }

    @Override
    public Optional<AdapterUser> getUser(String id) {
        return delegate.getUser(id);
    }

    @Override
    public Optional<AdapterUser> getUserByEmail(String email) {
        return delegate.getUserByEmail(email);
    }

    @Override
    public AdapterUser updateUser(UserUpdate update) {
        return delegate.updateUser(update);
    }

    @Override
    public void deleteUser(String id) {
        delegate.deleteUser(id);
    }

    @Override
    public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        return delegate.getUserByAccount(provider, providerAccountId);
    }

    @Override
    public void unlinkAccount(String provider, String providerAccountId) {
        delegate.unlinkAccount(provider, providerAccountId);
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        return delegate.createSession(session);
    }

    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        return delegate.getSessionAndUser(sessionToken);
    }

    @Override
    public Optional<AdapterSession> updateSession(SessionUpdate update) {
        return delegate.updateSession(update);
    }

    @Override
    public void deleteSession(String sessionToken) {
        delegate.deleteSession(sessionToken);
    }

    @Override
    public VerificationToken createVerificationToken(VerificationToken token) {
        return delegate.createVerificationToken(token);
    }

    @Override
    public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
        return delegate.useVerificationToken(identifier, token);
    }

    @Override
    public AdapterAuthenticator createAuthenticator(AdapterAuthenticator authenticator) {
        return delegate.createAuthenticator(authenticator);
    }

    @Override
    public Optional<AdapterAuthenticator> getAuthenticator(String credentialId) {
        return delegate.getAuthenticator(credentialId);
    }

    @Override
    public List<AdapterAuthenticator> listAuthenticatorsByUserId(String userId) {
        return delegate.listAuthenticatorsByUserId(userId);
    }

    @Override
    public AdapterAuthenticator updateAuthenticatorCounter(String credentialId, long newCounter) {
        return delegate.updateAuthenticatorCounter(credentialId, newCounter);
    }

    @Override
    public RateLimitWindow hitRateLimit(String key, Instant now, Duration window, int max) {
        return delegate.hitRateLimit(key, now, window, max);
    }

    @Override
    public int deleteRateLimitsBefore(Instant windowStartBefore, int limit) {
        return delegate.deleteRateLimitsBefore(windowStartBefore, limit);
    }

    // A password hash is already one-way: stored as the delegate stores it.
    @Override
    public Optional<String> getPasswordHash(String userId) {
        return delegate.getPasswordHash(userId);
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        delegate.setPasswordHash(userId, passwordHash);
    }

    @Override
    public String toString() {
        return "TokenEncryptingAdapter[" + delegate.getClass().getName() + "]";
    }

    /** The wrapper of an adapter with bulk deletes, which the clean-up and "sign out other devices" need. */
    static final class Maintained extends TokenEncryptingAdapter implements AdapterMaintenance {

        Maintained(AuthAdapter delegate, TokenCipher cipher) {
            super(delegate, cipher);
        }

        @Override
        public int deleteExpiredSessions(Instant now, int limit) {
            return ((AdapterMaintenance) delegate).deleteExpiredSessions(now, limit);
        }

        @Override
        public int deleteExpiredVerificationTokens(Instant now, int limit) {
            return ((AdapterMaintenance) delegate).deleteExpiredVerificationTokens(now, limit);
        }

        @Override
        public List<AdapterSession> sessionsOfUser(String userId, Instant now) {
            return ((AdapterMaintenance) delegate).sessionsOfUser(userId, now);
        }

        @Override
        public int deleteSessionsOfUser(String userId, String keepSessionToken) {
            return ((AdapterMaintenance) delegate).deleteSessionsOfUser(userId, keepSessionToken);
        }
    }
}
