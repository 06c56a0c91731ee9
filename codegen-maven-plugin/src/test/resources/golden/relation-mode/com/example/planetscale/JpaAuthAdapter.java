package com.example.planetscale;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UnknownAccountException;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.jpa.JpaStore;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.StoreOperation;
import jakarta.annotation.Generated;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@link AuthAdapter} of this schema, over JPA. The roles are played by:
 * <ul>
 *   <li>User: {@link User}</li>
 *   <li>Account: {@link Account}</li>
 *   <li>Session: {@link Session}</li>
 *   <li>VerificationToken: {@link VerificationToken}</li>
 * </ul>
 * <p>Keys compare exactly: each lookup by a string key also compares the row's key in Java, because
 * databases that compare with PAD SPACE (Derby, MySQL's and MariaDB's PAD collations) find {@code "a"} for
 * {@code "a "}.
 */
@Generated("dev.authschema.codegen")
public class JpaAuthAdapter implements AuthAdapter, AdapterMaintenance {
    private final JpaStore store;

    /**
     * @param work runs each operation in a transaction: {@code new ResourceLocalJpaWork(factory)} in Java SE,
     *     the container's {@code ContainerJpaWork} in a server ({@link JpaAuthAdapterProducer} wires that)
     */
    public JpaAuthAdapter(JpaWork work) {
        this.store = new JpaStore(work);
    }

    @Override
    public Set<AdapterCapability> capabilities() {
        return EnumSet.of(
                AdapterCapability.USERS,
                AdapterCapability.ACCOUNTS,
                AdapterCapability.SESSIONS,
                AdapterCapability.VERIFICATION_TOKENS);
    }

    @Override
    public AdapterUser createUser(AdapterUser user) {
        return store.write(StoreOperation.createUser(user, "User_email_key"), entityManager -> {
            User entity = new User();
            if (user.id() != null) {
                entity.setId(user.id());
            }
            entity.setName(user.name());
            entity.setEmail(user.email());
            entity.setEmailVerified(user.emailVerified());
            entity.setImage(user.image());
            writeUserExtras(entity, user.extras());
            entityManager.persist(entity);
            entityManager.flush();
            return toUser(entity);
        });
    }

    @Override
    public Optional<AdapterUser> getUser(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return store.read(entityManager -> Optional.ofNullable(entityManager.find(User.class, id))
                .map(JpaAuthAdapter::toUser));
    }

    @Override
    public Optional<AdapterUser> getUserByEmail(String email) {
        return store.read(entityManager -> entityManager
                .createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
                .setParameter("email", email)
                .getResultList().stream()
                .filter(found -> email.equals(found.getEmail()))
                .findFirst()
                .map(JpaAuthAdapter::toUser));
    }

    @Override
    public AdapterUser updateUser(UserUpdate update) {
        String key = update.userId();
        return store.write(StoreOperation.updateUser(update, "User_email_key"), entityManager -> {
            User entity = key == null ? null : entityManager.find(User.class, key);
            if (entity == null) {
                throw new UnknownUserException("updateUser", null);
            }
            if (update.isSet(UserUpdate.Property.NAME)) {
                entity.setName(update.name());
            }
            if (update.isSet(UserUpdate.Property.EMAIL)) {
                entity.setEmail(update.email());
            }
            if (update.isSet(UserUpdate.Property.EMAIL_VERIFIED)) {
                entity.setEmailVerified(update.emailVerified());
            }
            if (update.isSet(UserUpdate.Property.IMAGE)) {
                entity.setImage(update.image());
            }
            writeUserExtras(entity, update.extras());
            entityManager.flush();
            return toUser(entity);
        });
    }

    @Override
    public void deleteUser(String id) {
        if (id == null) {
            return;
        }
        store.write(StoreOperation.named("deleteUser"), entityManager -> {
            // Rows that belong to the user go first, whether or not the database cascades.
            entityManager
                    .createQuery("DELETE FROM Account x WHERE x.userId = :userId")
                    .setParameter("userId", id)
                    .executeUpdate();
            entityManager
                    .createQuery("DELETE FROM Session x WHERE x.userId = :userId")
                    .setParameter("userId", id)
                    .executeUpdate();
            entityManager
                    .createQuery("DELETE FROM User u WHERE u.id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            // A bulk delete bypasses the shared cache: drop the cached user too.
            entityManager.getEntityManagerFactory().getCache().evict(User.class, id);
            return null;
        });
    }

    private static AdapterUser toUser(User entity) {
        return new AdapterUser(
                entity.getId(),
                entity.getName(),
                entity.getEmail(),
                entity.getEmailVerified(),
                entity.getImage(),
                readUserExtras(entity));
    }

    private static Map<String, Object> readUserExtras(User entity) {
        return Map.of();
    }

    private static void writeUserExtras(User entity, Map<String, Object> extras) {
        // The User model has no extra fields.
    }

    @Override
    public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        return store.read(entityManager -> entityManager
                .createQuery("SELECT u, a.provider, a.providerAccountId FROM User u, Account a"
                        + " WHERE u.id = a.userId"
                        + " AND a.provider = :provider"
                        + " AND a.providerAccountId = :providerAccountId", Object[].class)
                .setParameter("provider", provider)
                .setParameter("providerAccountId", providerAccountId)
                .getResultList().stream()
                .filter(row -> provider.equals(row[1]) && providerAccountId.equals(row[2]))
                .findFirst()
                .map(row -> toUser((User) row[0])));
    }

    @Override
    public AdapterAccount linkAccount(AdapterAccount account) {
        String userKey = account.userId();
        return store.write(StoreOperation.linkAccount(account), entityManager -> {
            // relationMode = "prisma": no foreign key checks the user id.
            if (entityManager.find(User.class, userKey) == null) {
                throw new UnknownUserException("linkAccount", null);
            }
            boolean linked = !entityManager
                    .createQuery("SELECT a FROM Account a"
                            + " WHERE a.provider = :provider"
                            + " AND a.providerAccountId = :providerAccountId", Account.class)
                    .setParameter("provider", account.provider())
                    .setParameter("providerAccountId", account.providerAccountId())
                    .getResultList()
                    .isEmpty();
            if (linked) {
                throw new DuplicateAccountException(account.provider(), account.providerAccountId(), null);
            }
            Account entity = new Account();
            entity.setUserId(userKey);
            entity.setType(account.type());
            entity.setProvider(account.provider());
            entity.setProviderAccountId(account.providerAccountId());
            entity.setRefreshToken(account.refreshToken());
            entity.setAccessToken(account.accessToken());
            entity.setTokenType(account.tokenType());
            entity.setScope(account.scope());
            entity.setIdToken(account.idToken());
            entity.setSessionState(account.sessionState());
            Long expiresAt = account.expiresAt();
            entity.setExpiresAt(expiresAt == null ? null : Math.toIntExact(expiresAt));
            writeAccountExtras(entity, account.extras());
            entityManager.persist(entity);
            entityManager.flush();
            return toAccount(entity);
        });
    }

    @Override
    public void unlinkAccount(String provider, String providerAccountId) {
        store.write(StoreOperation.named("unlinkAccount"), entityManager -> {
            boolean stored = entityManager
                    .createQuery("SELECT a FROM Account a"
                            + " WHERE a.provider = :provider"
                            + " AND a.providerAccountId = :providerAccountId", Account.class)
                    .setParameter("provider", provider)
                    .setParameter("providerAccountId", providerAccountId)
                    .getResultList().stream()
                    .filter(found -> provider.equals(found.getProvider())
                            && providerAccountId.equals(found.getProviderAccountId()))
                    .findAny()
                    .isPresent();
            if (stored) {
                entityManager
                        .createQuery("DELETE FROM Account a"
                                + " WHERE a.provider = :provider"
                                + " AND a.providerAccountId = :providerAccountId")
                        .setParameter("provider", provider)
                        .setParameter("providerAccountId", providerAccountId)
                        .executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
        return store.read(entityManager -> entityManager
                .createQuery("SELECT a FROM Account a"
                        + " WHERE a.provider = :provider"
                        + " AND a.providerAccountId = :providerAccountId", Account.class)
                .setParameter("provider", provider)
                .setParameter("providerAccountId", providerAccountId)
                .getResultList().stream()
                .filter(found -> provider.equals(found.getProvider())
                        && providerAccountId.equals(found.getProviderAccountId()))
                .findFirst()
                .map(JpaAuthAdapter::toAccount));
    }

    private static AdapterAccount toAccount(Account entity) {
        return new AdapterAccount(
                entity.getUserId(),
                entity.getType(),
                entity.getProvider(),
                entity.getProviderAccountId(),
                entity.getRefreshToken(),
                entity.getAccessToken(),
                entity.getExpiresAt() == null ? null : entity.getExpiresAt().longValue(),
                entity.getTokenType(),
                entity.getScope(),
                entity.getIdToken(),
                entity.getSessionState(),
                readAccountExtras(entity));
    }

    private static Map<String, Object> readAccountExtras(Account entity) {
        return Map.of();
    }

    private static void writeAccountExtras(Account entity, Map<String, Object> extras) {
        // The Account model has no extra fields.
    }

    @Override
    public List<AdapterAccount> listAccountsByUserId(String userId) {
        String key = userId;
        return store.read(entityManager -> entityManager
                .createQuery("SELECT a FROM Account a WHERE a.userId = :userId", Account.class)
                .setParameter("userId", key)
                .getResultList().stream()
                .filter(found -> key.equals(found.getUserId()))
                .map(JpaAuthAdapter::toAccount)
                .toList());
    }

    /**
     * Holds the row's write lock from the read to the commit: concurrent updates of the account, on any server,
     * run one after the other.
     */
    @Override
    public AdapterAccount updateAccount(String provider, String providerAccountId,
            UnaryOperator<AdapterAccount> change) {
        return store.write(StoreOperation.named("updateAccount"), entityManager -> {
            Account entity = entityManager
                    .createQuery("SELECT a FROM Account a"
                            + " WHERE a.provider = :provider"
                            + " AND a.providerAccountId = :providerAccountId", Account.class)
                    .setParameter("provider", provider)
                    .setParameter("providerAccountId", providerAccountId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                    .getResultList().stream()
                    .filter(found -> provider.equals(found.getProvider())
                            && providerAccountId.equals(found.getProviderAccountId()))
                    .findFirst()
                    .orElseThrow(() -> new UnknownAccountException(provider));
            AdapterAccount stored = toAccount(entity);
            AdapterAccount changed = AuthAdapter.checkAccountChange(stored, change.apply(stored));
            if (changed.equals(stored)) {
                return stored;
            }
            entity.setRefreshToken(changed.refreshToken());
            entity.setAccessToken(changed.accessToken());
            Long expiresAt = changed.expiresAt();
            entity.setExpiresAt(expiresAt == null ? null : Math.toIntExact(expiresAt));
            entity.setTokenType(changed.tokenType());
            entity.setScope(changed.scope());
            entity.setIdToken(changed.idToken());
            entity.setSessionState(changed.sessionState());
            writeAccountExtras(entity, changed.extras());
            entityManager.flush();
            return toAccount(entity);
        });
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        String userKey = session.userId();
        return store.write(StoreOperation.createSession(), entityManager -> {
            // relationMode = "prisma": no foreign key checks the user id.
            if (entityManager.find(User.class, userKey) == null) {
                throw new UnknownUserException("createSession", null);
            }
            Session entity = new Session();
            entity.setSessionToken(session.sessionToken());
            entity.setUserId(userKey);
            entity.setExpires(session.expires());
            writeSessionExtras(entity, session.extras());
            entityManager.persist(entity);
            entityManager.flush();
            // Only the user id was written, not the relation: a later read in this transaction loads it from the row.
            entityManager.detach(entity);
            return toSession(entity);
        });
    }

    /**
     * One query, one round trip: the session and its user are read together.
     */
    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        return store.read(entityManager -> entityManager
                .createQuery("SELECT s FROM Session s JOIN FETCH s.user"
                        + " WHERE s.sessionToken = :sessionToken", Session.class)
                .setParameter("sessionToken", sessionToken)
                .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                .getResultList().stream()
                .filter(found -> sessionToken.equals(found.getSessionToken()))
                .findFirst()
                .map(session -> new SessionAndUser(toSession(session), toUser(session.getUser()))));
    }

    @Override
    public Optional<AdapterSession> updateSession(SessionUpdate update) {
        return store.write(StoreOperation.writingUserId("updateSession"), entityManager -> {
            Session entity = entityManager
                    .createQuery("SELECT s FROM Session s WHERE s.sessionToken = :sessionToken", Session.class)
                    .setParameter("sessionToken", update.sessionToken())
                    .getResultList().stream()
                    .filter(found -> update.sessionToken().equals(found.getSessionToken()))
                    .findFirst()
                    .orElse(null);
            if (entity == null) {
                return Optional.<AdapterSession>empty();
            }
            if (update.isSet(SessionUpdate.Property.EXPIRES)) {
                entity.setExpires(update.expires());
            }
            if (update.isSet(SessionUpdate.Property.USER_ID)) {
                entity.setUserId(update.userId());
            }
            writeSessionExtras(entity, update.extras());
            entityManager.flush();
            // Only the user id was written, not the relation: a later read in this transaction loads it from the row.
            entityManager.detach(entity);
            return Optional.of(toSession(entity));
        });
    }

    @Override
    public void deleteSession(String sessionToken) {
        store.write(StoreOperation.named("deleteSession"), entityManager -> {
            boolean stored = entityManager
                    .createQuery("SELECT s FROM Session s WHERE s.sessionToken = :sessionToken", Session.class)
                    .setParameter("sessionToken", sessionToken)
                    .getResultList().stream()
                    .anyMatch(found -> sessionToken.equals(found.getSessionToken()));
            if (stored) {
                entityManager
                        .createQuery("DELETE FROM Session s WHERE s.sessionToken = :sessionToken")
                        .setParameter("sessionToken", sessionToken)
                        .executeUpdate();
            }
            return null;
        });
    }

    private static AdapterSession toSession(Session entity) {
        return new AdapterSession(
                entity.getSessionToken(),
                entity.getUserId(),
                entity.getExpires(),
                readSessionExtras(entity));
    }

    private static Map<String, Object> readSessionExtras(Session entity) {
        return Map.of();
    }

    private static void writeSessionExtras(Session entity, Map<String, Object> extras) {
        // The Session model has no extra fields.
    }

    @Override
    public dev.authschema.adapter.VerificationToken createVerificationToken(
            dev.authschema.adapter.VerificationToken token) {
        return store.write(StoreOperation.named("createVerificationToken"), entityManager -> {
            VerificationToken entity = new VerificationToken();
            entity.setIdentifier(token.identifier());
            entity.setToken(token.token());
            entity.setExpires(token.expires());
            entityManager.persist(entity);
            entityManager.flush();
            return toVerificationToken(entity);
        });
    }

    /**
     * Atomic: of concurrent callers, only the one whose delete removed the row gets the token.
     */
    @Override
    public Optional<dev.authschema.adapter.VerificationToken> useVerificationToken(
            String identifier, String token) {
        return store.write(StoreOperation.named("useVerificationToken"), entityManager -> {
            VerificationToken found = entityManager
                    .createQuery("SELECT t FROM VerificationToken t"
                            + " WHERE t.identifier = :identifier"
                            + " AND t.token = :token", VerificationToken.class)
                    .setParameter("identifier", identifier)
                    .setParameter("token", token)
                    .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                    .getResultList().stream()
                    .filter(candidate -> identifier.equals(candidate.getIdentifier())
                            && token.equals(candidate.getToken()))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                return Optional.<dev.authschema.adapter.VerificationToken>empty();
            }
            int deleted = entityManager
                    .createQuery("DELETE FROM VerificationToken t"
                            + " WHERE t.identifier = :identifier"
                            + " AND t.token = :token")
                    .setParameter("identifier", identifier)
                    .setParameter("token", token)
                    .executeUpdate();
            return deleted == 1
                    ? Optional.of(toVerificationToken(found))
                    : Optional.<dev.authschema.adapter.VerificationToken>empty();
        });
    }

    private static dev.authschema.adapter.VerificationToken toVerificationToken(
            VerificationToken entity) {
        return new dev.authschema.adapter.VerificationToken(
                entity.getIdentifier(),
                entity.getToken(),
                entity.getExpires());
    }

    @Override
    public int deleteExpiredSessions(Instant now, int limit) {
        return store.write(StoreOperation.named("deleteExpiredSessions"), entityManager -> {
            List<String> expired = entityManager
                    .createQuery("SELECT s.sessionToken FROM Session s WHERE s.expires < :now", String.class)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            if (expired.isEmpty()) {
                return 0;
            }
            return entityManager
                    .createQuery("DELETE FROM Session s"
                            + " WHERE s.sessionToken IN :keys"
                            + " AND s.expires < :now")
                    .setParameter("keys", expired)
                    .setParameter("now", now)
                    .executeUpdate();
        });
    }

    @Override
    public int deleteExpiredVerificationTokens(Instant now, int limit) {
        return store.write(StoreOperation.named("deleteExpiredVerificationTokens"), entityManager -> {
            List<String> expired = entityManager
                    .createQuery("SELECT t.token FROM VerificationToken t"
                            + " WHERE t.expires < :now", String.class)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            if (expired.isEmpty()) {
                return 0;
            }
            return entityManager
                    .createQuery("DELETE FROM VerificationToken t"
                            + " WHERE t.token IN :keys"
                            + " AND t.expires < :now")
                    .setParameter("keys", expired)
                    .setParameter("now", now)
                    .executeUpdate();
        });
    }

    @Override
    public List<AdapterSession> sessionsOfUser(String userId, Instant now) {
        if (userId == null) {
            return List.of();
        }
        return store.read(entityManager -> entityManager
                .createQuery("SELECT s FROM Session s"
                        + " WHERE s.userId = :userId"
                        + " AND s.expires > :now"
                        + " ORDER BY s.expires DESC", Session.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                .getResultList().stream()
                .filter(found -> userId.equals(found.getUserId()))
                .map(JpaAuthAdapter::toSession)
                .toList());
    }

    @Override
    public int deleteSessionsOfUser(String userId, String keepSessionToken) {
        if (userId == null) {
            return 0;
        }
        return store.write(StoreOperation.named("deleteSessionsOfUser"), entityManager -> entityManager
                .createQuery("DELETE FROM Session s"
                        + " WHERE s.userId = :userId"
                        + " AND s.sessionToken <> :keep")
                .setParameter("userId", userId)
                .setParameter("keep", keepSessionToken == null ? "" : keepSessionToken)
                .executeUpdate());
    }
}
