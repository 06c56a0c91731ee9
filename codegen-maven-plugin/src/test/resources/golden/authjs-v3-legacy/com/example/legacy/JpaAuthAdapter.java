package com.example.legacy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterException;
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
import dev.authschema.adapter.VerificationToken;
import dev.authschema.jpa.ExtraFieldValues;
import dev.authschema.jpa.JpaStore;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.LegacyColumns;
import dev.authschema.jpa.StoreOperation;
import jakarta.annotation.Generated;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 *   <li>VerificationToken: {@link VerificationRequest}</li>
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
        return store.write(StoreOperation.createUser(user, "users_email_key"), entityManager -> {
            User entity = new User();
            // The database numbers users: a given id is not used.
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
        Integer key = intKey(id);
        if (key == null) {
            return Optional.empty();
        }
        return store.read(entityManager -> Optional.ofNullable(entityManager.find(User.class, key))
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
        Integer key = intKey(update.userId());
        return store.write(StoreOperation.updateUser(update, "users_email_key"), entityManager -> {
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
        Integer key = intKey(id);
        if (key == null) {
            return;
        }
        store.write(StoreOperation.named("deleteUser"), entityManager -> {
            // Rows that belong to the user go first, whether or not the database cascades.
            entityManager
                    .createQuery("DELETE FROM Account x WHERE x.userId = :userId")
                    .setParameter("userId", key)
                    .executeUpdate();
            entityManager
                    .createQuery("DELETE FROM Session x WHERE x.userId = :userId")
                    .setParameter("userId", key)
                    .executeUpdate();
            entityManager
                    .createQuery("DELETE FROM User u WHERE u.id = :id")
                    .setParameter("id", key)
                    .executeUpdate();
            // A bulk delete bypasses the shared cache: drop the cached user too.
            entityManager.getEntityManagerFactory().getCache().evict(User.class, key);
            return null;
        });
    }

    private static AdapterUser toUser(User entity) {
        return new AdapterUser(
                String.valueOf(entity.getId()),
                entity.getName(),
                entity.getEmail(),
                entity.getEmailVerified(),
                entity.getImage(),
                readUserExtras(entity));
    }

    private static Map<String, Object> readUserExtras(User entity) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("createdAt", entity.getCreatedAt());
        extras.put("updatedAt", entity.getUpdatedAt());
        return extras;
    }

    private static void writeUserExtras(User entity, Map<String, Object> extras) {
        if (extras.containsKey("createdAt")) {
            entity.setCreatedAt(ExtraFieldValues.get(extras, "User", "createdAt", Instant.class));
        }
        if (extras.containsKey("updatedAt")) {
            entity.setUpdatedAt(ExtraFieldValues.get(extras, "User", "updatedAt", Instant.class));
        }
    }

    @Override
    public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        return store.read(entityManager -> entityManager
                .createQuery("SELECT u, a.providerId, a.providerAccountId FROM User u, Account a"
                        + " WHERE u.id = a.userId"
                        + " AND a.providerId = :provider"
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
        Integer userKey = requireKey(intKey(account.userId()), account.userId(), "User");
        return store.write(StoreOperation.linkAccount(account), entityManager -> {
            // No relation to User, so no foreign key checks the user id.
            if (entityManager.find(User.class, userKey) == null) {
                throw new UnknownUserException("linkAccount", null);
            }
            boolean linked = !entityManager
                    .createQuery("SELECT a FROM Account a"
                            + " WHERE a.providerId = :provider"
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
            entity.setProviderType(account.type());
            entity.setProviderId(account.provider());
            entity.setProviderAccountId(account.providerAccountId());
            entity.setRefreshToken(account.refreshToken());
            entity.setAccessToken(account.accessToken());
            Long expiresAt = account.expiresAt();
            entity.setAccessTokenExpires(expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
            entity.setCompoundId(LegacyColumns.compoundId(account.provider(), account.providerAccountId()));
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
                            + " WHERE a.providerId = :provider"
                            + " AND a.providerAccountId = :providerAccountId", Account.class)
                    .setParameter("provider", provider)
                    .setParameter("providerAccountId", providerAccountId)
                    .getResultList().stream()
                    .filter(found -> provider.equals(found.getProviderId())
                            && providerAccountId.equals(found.getProviderAccountId()))
                    .findAny()
                    .isPresent();
            if (stored) {
                entityManager
                        .createQuery("DELETE FROM Account a"
                                + " WHERE a.providerId = :provider"
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
                        + " WHERE a.providerId = :provider"
                        + " AND a.providerAccountId = :providerAccountId", Account.class)
                .setParameter("provider", provider)
                .setParameter("providerAccountId", providerAccountId)
                .getResultList().stream()
                .filter(found -> provider.equals(found.getProviderId())
                        && providerAccountId.equals(found.getProviderAccountId()))
                .findFirst()
                .map(JpaAuthAdapter::toAccount));
    }

    private static AdapterAccount toAccount(Account entity) {
        return new AdapterAccount(
                String.valueOf(entity.getUserId()),
                entity.getProviderType(),
                entity.getProviderId(),
                entity.getProviderAccountId(),
                entity.getRefreshToken(),
                entity.getAccessToken(),
                entity.getAccessTokenExpires() == null ? null : entity.getAccessTokenExpires().getEpochSecond(),
                null,
                null,
                null,
                null,
                readAccountExtras(entity));
    }

    private static Map<String, Object> readAccountExtras(Account entity) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("createdAt", entity.getCreatedAt());
        extras.put("updatedAt", entity.getUpdatedAt());
        return extras;
    }

    private static void writeAccountExtras(Account entity, Map<String, Object> extras) {
        if (extras.containsKey("createdAt")) {
            entity.setCreatedAt(ExtraFieldValues.get(extras, "Account", "createdAt", Instant.class));
        }
        if (extras.containsKey("updatedAt")) {
            entity.setUpdatedAt(ExtraFieldValues.get(extras, "Account", "updatedAt", Instant.class));
        }
    }

    @Override
    public List<AdapterAccount> listAccountsByUserId(String userId) {
        Integer key = intKey(userId);
        if (key == null) {
            return List.of();
        }
        return store.read(entityManager -> entityManager
                .createQuery("SELECT a FROM Account a WHERE a.userId = :userId", Account.class)
                .setParameter("userId", key)
                .getResultList().stream()
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
                            + " WHERE a.providerId = :provider"
                            + " AND a.providerAccountId = :providerAccountId", Account.class)
                    .setParameter("provider", provider)
                    .setParameter("providerAccountId", providerAccountId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                    .getResultList().stream()
                    .filter(found -> provider.equals(found.getProviderId())
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
            entity.setAccessTokenExpires(expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
            writeAccountExtras(entity, changed.extras());
            entityManager.flush();
            return toAccount(entity);
        });
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        Integer userKey = requireKey(intKey(session.userId()), session.userId(), "User");
        return store.write(StoreOperation.createSession(), entityManager -> {
            // No relation to User, so no foreign key checks the user id.
            if (entityManager.find(User.class, userKey) == null) {
                throw new UnknownUserException("createSession", null);
            }
            Session entity = new Session();
            entity.setSessionToken(session.sessionToken());
            entity.setUserId(userKey);
            entity.setExpires(session.expires());
            entity.setAccessToken(LegacyColumns.sessionAccessToken());
            writeSessionExtras(entity, session.extras());
            entityManager.persist(entity);
            entityManager.flush();
            return toSession(entity);
        });
    }

    /**
     * One query, one round trip: the session and its user are read together.
     */
    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        return store.read(entityManager -> entityManager
                .createQuery("SELECT s, u FROM Session s, User u"
                        + " WHERE u.id = s.userId"
                        + " AND s.sessionToken = :sessionToken", Object[].class)
                .setParameter("sessionToken", sessionToken)
                .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                .getResultList().stream()
                .map(row -> new SessionAndUser(toSession((Session) row[0]), toUser((User) row[1])))
                .filter(found -> sessionToken.equals(found.session().sessionToken()))
                .findFirst());
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
                entity.setUserId(requireKey(intKey(update.userId()), update.userId(), "User"));
            }
            writeSessionExtras(entity, update.extras());
            entityManager.flush();
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
                String.valueOf(entity.getUserId()),
                entity.getExpires(),
                readSessionExtras(entity));
    }

    private static Map<String, Object> readSessionExtras(Session entity) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("createdAt", entity.getCreatedAt());
        extras.put("updatedAt", entity.getUpdatedAt());
        return extras;
    }

    private static void writeSessionExtras(Session entity, Map<String, Object> extras) {
        if (extras.containsKey("createdAt")) {
            entity.setCreatedAt(ExtraFieldValues.get(extras, "Session", "createdAt", Instant.class));
        }
        if (extras.containsKey("updatedAt")) {
            entity.setUpdatedAt(ExtraFieldValues.get(extras, "Session", "updatedAt", Instant.class));
        }
    }

    @Override
    public VerificationToken createVerificationToken(VerificationToken token) {
        return store.write(StoreOperation.named("createVerificationToken"), entityManager -> {
            VerificationRequest entity = new VerificationRequest();
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
    public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
        return store.write(StoreOperation.named("useVerificationToken"), entityManager -> {
            VerificationRequest found = entityManager
                    .createQuery("SELECT t FROM VerificationRequest t"
                            + " WHERE t.identifier = :identifier"
                            + " AND t.token = :token", VerificationRequest.class)
                    .setParameter("identifier", identifier)
                    .setParameter("token", token)
                    .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                    .getResultList().stream()
                    .filter(candidate -> identifier.equals(candidate.getIdentifier())
                            && token.equals(candidate.getToken()))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                return Optional.<VerificationToken>empty();
            }
            int deleted = entityManager
                    .createQuery("DELETE FROM VerificationRequest t"
                            + " WHERE t.identifier = :identifier"
                            + " AND t.token = :token")
                    .setParameter("identifier", identifier)
                    .setParameter("token", token)
                    .executeUpdate();
            return deleted == 1
                    ? Optional.of(toVerificationToken(found))
                    : Optional.<VerificationToken>empty();
        });
    }

    private static VerificationToken toVerificationToken(VerificationRequest entity) {
        return new VerificationToken(
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
                    .createQuery("SELECT t.token FROM VerificationRequest t"
                            + " WHERE t.expires < :now", String.class)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            if (expired.isEmpty()) {
                return 0;
            }
            return entityManager
                    .createQuery("DELETE FROM VerificationRequest t"
                            + " WHERE t.token IN :keys"
                            + " AND t.expires < :now")
                    .setParameter("keys", expired)
                    .setParameter("now", now)
                    .executeUpdate();
        });
    }

    @Override
    public List<AdapterSession> sessionsOfUser(String userId, Instant now) {
        Integer key = intKey(userId);
        if (key == null) {
            return List.of();
        }
        return store.read(entityManager -> entityManager
                .createQuery("SELECT s FROM Session s"
                        + " WHERE s.userId = :userId"
                        + " AND s.expires > :now"
                        + " ORDER BY s.expires DESC", Session.class)
                .setParameter("userId", key)
                .setParameter("now", now)
                .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                .getResultList().stream()
                .map(JpaAuthAdapter::toSession)
                .toList());
    }

    @Override
    public int deleteSessionsOfUser(String userId, String keepSessionToken) {
        Integer key = intKey(userId);
        if (key == null) {
            return 0;
        }
        return store.write(StoreOperation.named("deleteSessionsOfUser"), entityManager -> entityManager
                .createQuery("DELETE FROM Session s"
                        + " WHERE s.userId = :userId"
                        + " AND s.sessionToken <> :keep")
                .setParameter("userId", key)
                .setParameter("keep", keepSessionToken == null ? "" : keepSessionToken)
                .executeUpdate());
    }

    /**
     * The numeric id written as the string {@code id}, or null when it is not one.
     */
    private static Integer intKey(String id) {
        try {
            return id == null ? null : Integer.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer requireKey(Integer key, String id, String model) {
        if (key == null) {
            throw new AdapterException("\"" + id + "\" is not an id of " + model + ": its ids are numbers.");
        }
        return key;
    }
}
