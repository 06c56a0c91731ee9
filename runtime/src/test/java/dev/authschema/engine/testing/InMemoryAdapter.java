package dev.authschema.engine.testing;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UnknownAccountException;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.adapter.VerificationToken;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** An adapter in maps, for unit tests of the engine; counts writes so tests can prove a read wrote nothing. */
public class InMemoryAdapter implements AuthAdapter, AdapterMaintenance {

    public final Map<String, AdapterUser> users = new ConcurrentHashMap<>();
    public final Map<String, AdapterAccount> accounts = new ConcurrentHashMap<>();
    public final Map<String, AdapterSession> sessions = new ConcurrentHashMap<>();
    public final Map<String, VerificationToken> tokens = new ConcurrentHashMap<>();
    public final Map<String, String> passwordHashes = new ConcurrentHashMap<>();
    public final AtomicInteger sessionWrites = new AtomicInteger();

    @Override
    public Set<AdapterCapability> capabilities() {
        return EnumSet.of(
                AdapterCapability.USERS,
                AdapterCapability.ACCOUNTS,
                AdapterCapability.SESSIONS,
                AdapterCapability.VERIFICATION_TOKENS,
                AdapterCapability.PASSWORDS);
    }

    @Override
    public Optional<String> getPasswordHash(String userId) {
        return Optional.ofNullable(passwordHashes.get(userId));
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        if (!users.containsKey(userId)) {
            throw new UnknownUserException("setPasswordHash", null);
        }
        if (passwordHash == null) {
            passwordHashes.remove(userId);
        } else {
            passwordHashes.put(userId, passwordHash);
        }
    }

    @Override
    public AdapterUser createUser(AdapterUser user) {
        if (user.email() != null && getUserByEmail(user.email()).isPresent()) {
            throw new DuplicateEmailException("createUser", null);
        }
        AdapterUser stored = user.id() == null ? user.withId(UUID.randomUUID().toString()) : user;
        users.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<AdapterUser> getUser(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<AdapterUser> getUserByEmail(String email) {
        return users.values().stream().filter(u -> email.equals(u.email())).findFirst();
    }

    @Override
    public AdapterUser updateUser(UserUpdate update) {
        AdapterUser current = getUser(update.userId()).orElseThrow(() -> new UnknownUserException("updateUser", null));
        AdapterUser updated = update.applyTo(current);
        users.put(updated.id(), updated);
        return updated;
    }

    @Override
    public void deleteUser(String id) {
        users.remove(id);
        passwordHashes.remove(id);
        accounts.values().removeIf(a -> a.userId().equals(id));
        sessions.values().removeIf(s -> s.userId().equals(id));
    }

    @Override
    public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        return Optional.ofNullable(accounts.get(provider + "/" + providerAccountId))
                .flatMap(a -> getUser(a.userId()));
    }

    @Override
    public AdapterAccount linkAccount(AdapterAccount account) {
        if (accounts.putIfAbsent(account.provider() + "/" + account.providerAccountId(), account) != null) {
            throw new DuplicateAccountException(account.provider(), account.providerAccountId(), null);
        }
        return account;
    }

    @Override
    public void unlinkAccount(String provider, String providerAccountId) {
        accounts.remove(provider + "/" + providerAccountId);
    }

    @Override
    public Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
        return Optional.ofNullable(accounts.get(provider + "/" + providerAccountId));
    }

    @Override
    public List<AdapterAccount> listAccountsByUserId(String userId) {
        return accounts.values().stream().filter(a -> a.userId().equals(userId)).toList();
    }

    /** {@code compute} holds the map's lock of the key while the change runs: concurrent updates queue up. */
    @Override
    public AdapterAccount updateAccount(
            String provider, String providerAccountId, UnaryOperator<AdapterAccount> change) {
        AdapterAccount updated = accounts.computeIfPresent(
                provider + "/" + providerAccountId,
                (key, stored) -> AuthAdapter.checkAccountChange(stored, change.apply(stored)));
        if (updated == null) {
            throw new UnknownAccountException(provider);
        }
        return updated;
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        sessionWrites.incrementAndGet();
        sessions.put(session.sessionToken(), session);
        return session;
    }

    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        AdapterSession session = sessions.get(sessionToken);
        if (session == null) {
            return Optional.empty();
        }
        return getUser(session.userId()).map(user -> new SessionAndUser(session, user));
    }

    @Override
    public Optional<AdapterSession> updateSession(SessionUpdate update) {
        sessionWrites.incrementAndGet();
        return Optional.ofNullable(sessions.computeIfPresent(update.sessionToken(), (k, v) -> update.applyTo(v)));
    }

    @Override
    public void deleteSession(String sessionToken) {
        sessionWrites.incrementAndGet();
        sessions.remove(sessionToken);
    }

    @Override
    public VerificationToken createVerificationToken(VerificationToken token) {
        tokens.put(token.identifier() + "/" + token.token(), token);
        return token;
    }

    @Override
    public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
        return Optional.ofNullable(tokens.remove(identifier + "/" + token));
    }

    @Override
    public int deleteExpiredSessions(Instant now, int limit) {
        return deleteExpired(sessions.values().iterator(), s -> s.expires().isBefore(now), limit);
    }

    @Override
    public int deleteExpiredVerificationTokens(Instant now, int limit) {
        return deleteExpired(tokens.values().iterator(), t -> t.expires().isBefore(now), limit);
    }

    @Override
    public List<AdapterSession> sessionsOfUser(String userId, Instant now) {
        return sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && s.expires().isAfter(now))
                .sorted(Comparator.comparing(AdapterSession::expires).reversed())
                .toList();
    }

    @Override
    public int deleteSessionsOfUser(String userId, String keepSessionToken) {
        List<String> doomed = sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && !s.sessionToken().equals(keepSessionToken))
                .map(AdapterSession::sessionToken)
                .toList();
        doomed.forEach(sessions::remove);
        return doomed.size();
    }

    private static <T> int deleteExpired(Iterator<T> rows, java.util.function.Predicate<T> expired, int limit) {
        int deleted = 0;
        while (rows.hasNext() && deleted < limit) {
            if (expired.test(rows.next())) {
                rows.remove();
                deleted++;
            }
        }
        return deleted;
    }
}
