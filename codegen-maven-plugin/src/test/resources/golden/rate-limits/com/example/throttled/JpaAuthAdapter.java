package com.example.throttled;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.jpa.ExtraFieldValues;
import dev.authschema.jpa.JpaStore;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.StoreOperation;
import jakarta.annotation.Generated;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link AuthAdapter} of this schema, over JPA. The roles are played by:
 * <ul>
 *   <li>User: {@link User}</li>
 *   <li>Session: {@link Session}</li>
 *   <li>VerificationToken: {@link VerificationToken}</li>
 *   <li>RateLimit: {@link Throttle}</li>
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
                AdapterCapability.SESSIONS,
                AdapterCapability.VERIFICATION_TOKENS,
                AdapterCapability.RATE_LIMITS);
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
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("locale", entity.getLocale());
        return extras;
    }

    private static void writeUserExtras(User entity, Map<String, Object> extras) {
        if (extras.containsKey("locale")) {
            entity.setLocale(ExtraFieldValues.get(extras, "User", "locale", String.class));
        }
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        String userKey = session.userId();
        return store.write(StoreOperation.createSession(), entityManager -> {
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
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("origin", entity.getOrigin());
        return extras;
    }

    private static void writeSessionExtras(Session entity, Map<String, Object> extras) {
        if (extras.containsKey("origin")) {
            entity.setOrigin(ExtraFieldValues.get(extras, "Session", "origin", String.class));
        }
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

    /**
     * Atomic on every server sharing the database: see {@code countRateLimitHit}.
     */
    @Override
    public RateLimitWindow hitRateLimit(String key, Instant now, Duration window, int max) {
        Objects.requireNonNull(key, "key");
        Instant expiredAt = now.minus(window);
        RuntimeException lost = null;
        for (int attempt = 0; attempt < 32; attempt++) {
            try {
                return store.write(StoreOperation.named("hitRateLimit"),
                        entityManager -> countRateLimitHit(entityManager, key, now, expiredAt, max));
            } catch (RuntimeException e) {
                // Another caller inserted the key's first row at the same moment (or, on MySQL/MariaDB, the two
                // first inserts deadlocked on the key's gap lock): count again on that row after a short pause.
                lost = e;
                pauseBeforeRetry(attempt);
            }
        }
        throw new AdapterException(
                "Could not count a request against a rate-limit key in Throttle after 32 attempts.",
                lost);
    }

    /**
     * A random pause, longer with each attempt, so that racing callers do not collide again in step.
     */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 2L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("Interrupted while counting a rate-limit hit.", e);
        }
    }

    /**
     * One transaction: count in an open window with room, else restart an expired one, else refuse a full one
     * (writing nothing), else insert the key's first row.
     */
    private static RateLimitWindow countRateLimitHit(EntityManager entityManager, String key,
            Instant now, Instant expiredAt, int max) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaUpdate<Throttle> increment = builder.createCriteriaUpdate(Throttle.class);
        Root<Throttle> open = increment.from(Throttle.class);
        increment.set(open.<Integer>get("count"), builder.sum(open.<Integer>get("count"), 1))
                .where(
                        builder.equal(open.get("key"), key),
                        builder.greaterThan(open.<Instant>get("windowStart"), expiredAt),
                        builder.lessThan(open.<Integer>get("count"), max));
        if (entityManager.createQuery(increment).executeUpdate() == 1) {
            // The row is locked by this transaction now: the count read back is this request's.
            Object[] counted = readRateLimitWindow(entityManager, key);
            return RateLimitWindow.counted(key, ((Number) counted[0]).intValue(), (Instant) counted[1]);
        }
        CriteriaUpdate<Throttle> restart = builder.createCriteriaUpdate(Throttle.class);
        Root<Throttle> expired = restart.from(Throttle.class);
        restart.set(expired.<Integer>get("count"), 1)
                .set(expired.<Instant>get("windowStart"), now)
                .where(
                        builder.equal(expired.get("key"), key),
                        builder.lessThanOrEqualTo(expired.<Instant>get("windowStart"), expiredAt));
        if (entityManager.createQuery(restart).executeUpdate() == 1) {
            return RateLimitWindow.counted(key, 1, now);
        }
        Object[] full = readRateLimitWindow(entityManager, key);
        if (full != null) {
            int stored = ((Number) full[0]).intValue();
            Instant started = (Instant) full[1];
            if (stored >= max && started.isAfter(expiredAt)) {
                return RateLimitWindow.refused(key, stored, started);
            }
            throw new AdapterException("The rate-limit window changed while it was counted; counting again.");
        }
        Throttle entity = new Throttle();
        entity.setKey(key);
        entity.setCount(1);
        entity.setWindowStart(now);
        entityManager.persist(entity);
        entityManager.flush();
        return RateLimitWindow.counted(key, 1, now);
    }

    /**
     * The key's count and window start, read from the database (never a cache), or null without a row.
     */
    private static Object[] readRateLimitWindow(EntityManager entityManager, String key) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object[]> read = builder.createQuery(Object[].class);
        Root<Throttle> row = read.from(Throttle.class);
        read.multiselect(row.get("count"), row.get("windowStart")).where(builder.equal(row.get("key"), key));
        return entityManager.createQuery(read).getResultList().stream().findFirst().orElse(null);
    }

    /**
     * In batches, as the other clean-ups: pick up to {@code limit} old keys, then delete those still old.
     */
    @Override
    public int deleteRateLimitsBefore(Instant windowStartBefore, int limit) {
        return store.write(StoreOperation.named("deleteRateLimitsBefore"), entityManager -> {
            CriteriaBuilder builder = entityManager.getCriteriaBuilder();
            CriteriaQuery<String> select = builder.createQuery(String.class);
            Root<Throttle> old = select.from(Throttle.class);
            select.select(old.<String>get("key"))
                    .where(builder.lessThan(old.<Instant>get("windowStart"), windowStartBefore));
            List<String> keys = entityManager.createQuery(select).setMaxResults(limit).getResultList();
            if (keys.isEmpty()) {
                return 0;
            }
            CriteriaDelete<Throttle> delete = builder.createCriteriaDelete(Throttle.class);
            Root<Throttle> doomed = delete.from(Throttle.class);
            delete.where(
                    doomed.get("key").in(keys),
                    builder.lessThan(doomed.<Instant>get("windowStart"), windowStartBefore));
            return entityManager.createQuery(delete).executeUpdate();
        });
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
