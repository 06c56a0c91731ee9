package dev.authschema.adapter.tck.derby;

import static dev.authschema.adapter.tck.derby.DerbySchema.ACCOUNT;
import static dev.authschema.adapter.tck.derby.DerbySchema.AUTHENTICATOR;
import static dev.authschema.adapter.tck.derby.DerbySchema.EXTRA_COLUMNS;
import static dev.authschema.adapter.tck.derby.DerbySchema.SESSION;
import static dev.authschema.adapter.tck.derby.DerbySchema.USER;
import static dev.authschema.adapter.tck.derby.DerbySchema.VERIFICATION_TOKEN;
import static dev.authschema.adapter.tck.derby.DerbySchema.quote;
import static dev.authschema.adapter.tck.derby.Sql.text;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UnknownAccountException;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.jpa.StoreOperation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A hand-written adapter over plain JDBC on the reference Derby schema: the kit's proof that its cases pass on a
 * real database. Not final, so that tests can derive deliberately broken adapters from it.
 */
class DerbyReferenceAdapter implements AuthAdapter {

    private static final List<String> USER_COLUMNS = List.of("id", "name", "email", "emailVerified", "image");
    private static final List<String> SESSION_COLUMNS = List.of("sessionToken", "userId", "expires");
    static final List<String> ACCOUNT_COLUMNS = List.of(
            "userId",
            "type",
            "provider",
            "providerAccountId",
            "refresh_token",
            "access_token",
            "expires_at",
            "token_type",
            "scope",
            "id_token",
            "session_state");
    private static final List<String> AUTHENTICATOR_COLUMNS = List.of(
            "credentialID",
            "userId",
            "providerAccountId",
            "credentialPublicKey",
            "counter",
            "credentialDeviceType",
            "credentialBackedUp",
            "transports");
    private static final String DUPLICATE_KEY = "23505";

    protected final DerbyDatabase database;

    DerbyReferenceAdapter(DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Set<AdapterCapability> capabilities() {
        return EnumSet.allOf(AdapterCapability.class);
    }

    // ---- users ------------------------------------------------------------------------------------------------

    @Override
    public AdapterUser createUser(AdapterUser user) {
        String id = user.id() != null ? user.id() : UUID.randomUUID().toString();
        return database.withConnection(StoreOperation.createUser(user), connection -> {
            List<Sql.Param> params = new ArrayList<>(List.of(
                    text(id),
                    text(user.name()),
                    text(user.email()),
                    new Sql.Param(SqlType.TIMESTAMP, user.emailVerified()),
                    text(user.image())));
            Map<String, Object> extras = user.extras();
            params.addAll(extraParams(extras));
            Sql.update(connection, insert(USER, USER_COLUMNS, extras.keySet()), params);
            return findUser(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<AdapterUser> getUser(String id) {
        return database.withConnection(connection -> findUser(connection, id));
    }

    @Override
    public Optional<AdapterUser> getUserByEmail(String email) {
        return database.withConnection(connection -> Sql.queryOne(
                        connection,
                        "SELECT " + withExtras("", USER_COLUMNS) + " FROM " + USER + " WHERE \"email\" = ?",
                        List.of(text(email)),
                        row -> readUser(row, ""))
                .filter(user -> email.equals(user.email())));
    }

    @Override
    public AdapterUser updateUser(UserUpdate update) {
        return database.withConnection(StoreOperation.updateUser(update), connection -> {
            Map<String, Sql.Param> changes = new LinkedHashMap<>();
            if (update.isSet(UserUpdate.Property.NAME)) {
                changes.put("name", text(update.name()));
            }
            if (update.isSet(UserUpdate.Property.EMAIL)) {
                changes.put("email", text(update.email()));
            }
            if (update.isSet(UserUpdate.Property.EMAIL_VERIFIED)) {
                changes.put("emailVerified", new Sql.Param(SqlType.TIMESTAMP, update.emailVerified()));
            }
            if (update.isSet(UserUpdate.Property.IMAGE)) {
                changes.put("image", text(update.image()));
            }
            changes.putAll(extraChanges(update.extras()));
            if (!changes.isEmpty() && updateRow(connection, USER, changes, "id", update.userId()) == 0) {
                throw new UnknownUserException("updateUser", null);
            }
            return findUser(connection, update.userId())
                    .orElseThrow(() -> new UnknownUserException("updateUser", null));
        });
    }

    @Override
    public void deleteUser(String id) {
        // Accounts, sessions and authenticators go with it: ON DELETE CASCADE.
        database.withConnection(
                connection -> Sql.update(connection, "DELETE FROM " + USER + " WHERE \"id\" = ?", List.of(text(id))));
    }

    // ---- passwords --------------------------------------------------------------------------------------------

    @Override
    public Optional<String> getPasswordHash(String userId) {
        // The id is compared again in Java: Derby's = takes 'a ' for 'a'.
        return database.withConnection(connection -> Sql.queryOne(
                        connection,
                        "SELECT \"id\", \"passwordHash\" FROM " + USER + " WHERE \"id\" = ?",
                        List.of(text(userId)),
                        row -> new String[] {row.getString(1), row.getString(2)})
                .filter(row -> row[0].equals(userId))
                .map(row -> row[1]));
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        database.withConnection(StoreOperation.named("setPasswordHash"), connection -> {
            boolean stored = findUser(connection, userId)
                    .filter(user -> user.id().equals(userId))
                    .isPresent();
            if (!stored || updateRow(connection, USER, Map.of("passwordHash", text(passwordHash)), "id", userId) == 0) {
                throw new UnknownUserException("setPasswordHash", null);
            }
            return null;
        });
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    @Override
    public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        return database.withConnection(connection -> {
            Optional<AdapterAccount> account = findAccount(connection, provider, providerAccountId);
            return account.isEmpty()
                    ? Optional.empty()
                    : findUser(connection, account.get().userId());
        });
    }

    @Override
    public AdapterAccount linkAccount(AdapterAccount account) {
        return database.withConnection(StoreOperation.linkAccount(account), connection -> {
            List<Sql.Param> params = new ArrayList<>(List.of(
                    text(account.userId()),
                    text(account.type()),
                    text(account.provider()),
                    text(account.providerAccountId()),
                    text(account.refreshToken()),
                    text(account.accessToken()),
                    new Sql.Param(SqlType.BIGINT, account.expiresAt()),
                    text(account.tokenType()),
                    text(account.scope()),
                    text(account.idToken()),
                    text(account.sessionState())));
            Map<String, Object> extras = account.extras();
            params.addAll(extraParams(extras));
            Sql.update(connection, insert(ACCOUNT, ACCOUNT_COLUMNS, extras.keySet()), params);
            return findAccount(connection, account.provider(), account.providerAccountId())
                    .orElseThrow();
        });
    }

    @Override
    public void unlinkAccount(String provider, String providerAccountId) {
        database.withConnection(connection -> Sql.update(
                connection,
                // Derby compares VARCHARs with PAD SPACE: the lengths make the match exact.
                "DELETE FROM " + ACCOUNT + " WHERE \"provider\" = ? AND \"providerAccountId\" = ?"
                        + " AND LENGTH(\"provider\") = " + provider.length()
                        + " AND LENGTH(\"providerAccountId\") = " + providerAccountId.length(),
                List.of(text(provider), text(providerAccountId))));
    }

    @Override
    public Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
        return database.withConnection(connection -> findAccount(connection, provider, providerAccountId));
    }

    @Override
    public List<AdapterAccount> listAccountsByUserId(String userId) {
        return database.withConnection(connection -> Sql.queryList(
                        connection,
                        "SELECT " + withExtras("", ACCOUNT_COLUMNS) + " FROM " + ACCOUNT + " WHERE \"userId\" = ?",
                        List.of(text(userId)),
                        DerbyReferenceAdapter::readAccount)
                .stream()
                .filter(found -> userId.equals(found.userId()))
                .toList());
    }

    /**
     * One transaction: {@code FOR UPDATE WITH RS} takes the row's update lock and keeps it to the commit, so that a
     * concurrent call waits at its own select (up to {@code derby.locks.waitTimeout}) and then reads this one's result.
     */
    @Override
    public AdapterAccount updateAccount(
            String provider, String providerAccountId, UnaryOperator<AdapterAccount> change) {
        return database.withConnection(StoreOperation.named("updateAccount"), connection -> {
            connection.setAutoCommit(false);
            try {
                AdapterAccount stored = Sql.queryOne(
                                connection,
                                "SELECT " + withExtras("", ACCOUNT_COLUMNS)
                                        + " FROM " + ACCOUNT + " WHERE \"provider\" = ? AND \"providerAccountId\" = ?"
                                        + " FOR UPDATE WITH RS",
                                List.of(text(provider), text(providerAccountId)),
                                DerbyReferenceAdapter::readAccount)
                        .filter(found -> provider.equals(found.provider())
                                && providerAccountId.equals(found.providerAccountId()))
                        .orElseThrow(() -> new UnknownAccountException(provider));
                AdapterAccount changed = AuthAdapter.checkAccountChange(stored, change.apply(stored));
                if (!changed.equals(stored)) {
                    Map<String, Sql.Param> changes = new LinkedHashMap<>();
                    changes.put("refresh_token", text(changed.refreshToken()));
                    changes.put("access_token", text(changed.accessToken()));
                    changes.put("expires_at", new Sql.Param(SqlType.BIGINT, changed.expiresAt()));
                    changes.put("token_type", text(changed.tokenType()));
                    changes.put("scope", text(changed.scope()));
                    changes.put("id_token", text(changed.idToken()));
                    changes.put("session_state", text(changed.sessionState()));
                    changes.putAll(extraChanges(changed.extras()));
                    List<Sql.Param> params = new ArrayList<>(changes.values());
                    params.add(text(provider));
                    params.add(text(providerAccountId));
                    Sql.update(
                            connection,
                            "UPDATE " + ACCOUNT + " SET "
                                    + changes.keySet().stream()
                                            .map(column -> quote(column) + " = ?")
                                            .collect(Collectors.joining(", "))
                                    + " WHERE \"provider\" = ? AND \"providerAccountId\" = ?",
                            params);
                }
                AdapterAccount result =
                        findAccount(connection, provider, providerAccountId).orElseThrow();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        });
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Override
    public AdapterSession createSession(AdapterSession session) {
        return database.withConnection(StoreOperation.createSession(), connection -> {
            List<Sql.Param> params = new ArrayList<>(List.of(
                    text(session.sessionToken()),
                    text(session.userId()),
                    new Sql.Param(SqlType.TIMESTAMP, session.expires())));
            Map<String, Object> extras = session.extras();
            params.addAll(extraParams(extras));
            Sql.update(connection, insert(SESSION, SESSION_COLUMNS, extras.keySet()), params);
            return findSession(connection, session.sessionToken()).orElseThrow();
        });
    }

    /** One round trip: the session and its user come from one join, their columns told apart by prefixes. */
    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        return database.withConnection(connection -> Sql.queryOne(
                        connection,
                        "SELECT " + labelled("s.", "s_", SESSION_COLUMNS) + ", " + labelled("u.", "u_", USER_COLUMNS)
                                + " FROM " + SESSION + " s JOIN " + USER + " u ON u.\"id\" = s.\"userId\""
                                + " WHERE s.\"sessionToken\" = ?",
                        List.of(text(sessionToken)),
                        row -> new SessionAndUser(readSession(row, "s_"), readUser(row, "u_")))
                .filter(found -> sessionToken.equals(found.session().sessionToken())));
    }

    @Override
    public Optional<AdapterSession> updateSession(SessionUpdate update) {
        return database.withConnection(StoreOperation.writingUserId("updateSession"), connection -> {
            if (findSession(connection, update.sessionToken()).isEmpty()) {
                return Optional.empty();
            }
            Map<String, Sql.Param> changes = new LinkedHashMap<>();
            if (update.isSet(SessionUpdate.Property.USER_ID)) {
                changes.put("userId", text(update.userId()));
            }
            if (update.isSet(SessionUpdate.Property.EXPIRES)) {
                changes.put("expires", new Sql.Param(SqlType.TIMESTAMP, update.expires()));
            }
            changes.putAll(extraChanges(update.extras()));
            if (!changes.isEmpty()
                    && updateRow(connection, SESSION, changes, "sessionToken", update.sessionToken()) == 0) {
                return Optional.empty();
            }
            return findSession(connection, update.sessionToken());
        });
    }

    @Override
    public void deleteSession(String sessionToken) {
        database.withConnection(connection -> Sql.update(
                connection,
                "DELETE FROM " + SESSION + " WHERE \"sessionToken\" = ? AND LENGTH(\"sessionToken\") = "
                        + sessionToken.length(),
                List.of(text(sessionToken))));
    }

    // ---- verification tokens ----------------------------------------------------------------------------------

    @Override
    public VerificationToken createVerificationToken(VerificationToken token) {
        database.withConnection(connection -> Sql.update(
                connection,
                "INSERT INTO " + VERIFICATION_TOKEN + " (\"identifier\", \"token\", \"expires\") VALUES (?, ?, ?)",
                List.of(
                        text(token.identifier()),
                        text(token.token()),
                        new Sql.Param(SqlType.TIMESTAMP, token.expires()))));
        return token;
    }

    /**
     * Read, then delete; only the caller whose DELETE removed the row wins. Concurrent callers may all read the
     * row, but the database lets exactly one DELETE count it.
     */
    @Override
    public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
        return database.withConnection(connection -> {
            Optional<VerificationToken> found = findVerificationToken(connection, identifier, token);
            if (found.isEmpty()) {
                return found;
            }
            int deleted = deleteVerificationToken(connection, identifier, token);
            return deleted == 1 ? found : Optional.empty();
        });
    }

    protected Optional<VerificationToken> findVerificationToken(Connection connection, String identifier, String token)
            throws SQLException {
        return Sql.queryOne(
                        connection,
                        "SELECT \"identifier\", \"token\", \"expires\" FROM " + VERIFICATION_TOKEN
                                + " WHERE \"identifier\" = ? AND \"token\" = ?",
                        List.of(text(identifier), text(token)),
                        row -> new VerificationToken(row.getString("identifier"), row.getString("token"), (Instant)
                                SqlType.TIMESTAMP.read(row, "expires")))
                .filter(found -> identifier.equals(found.identifier()) && token.equals(found.token()));
    }

    protected int deleteVerificationToken(Connection connection, String identifier, String token) throws SQLException {
        return Sql.update(
                connection,
                "DELETE FROM " + VERIFICATION_TOKEN + " WHERE \"identifier\" = ? AND \"token\" = ?",
                List.of(text(identifier), text(token)));
    }

    // ---- authenticators ---------------------------------------------------------------------------------------

    @Override
    public AdapterAuthenticator createAuthenticator(AdapterAuthenticator authenticator) {
        return database.withConnection(StoreOperation.writingUserId("createAuthenticator"), connection -> {
            Sql.update(
                    connection,
                    insert(AUTHENTICATOR, AUTHENTICATOR_COLUMNS, Set.of()),
                    List.of(
                            text(authenticator.credentialId()),
                            text(authenticator.userId()),
                            text(authenticator.providerAccountId()),
                            text(authenticator.credentialPublicKey()),
                            new Sql.Param(SqlType.BIGINT, authenticator.counter()),
                            text(authenticator.credentialDeviceType()),
                            new Sql.Param(SqlType.BOOLEAN, authenticator.credentialBackedUp()),
                            text(authenticator.transports())));
            return findAuthenticator(connection, authenticator.credentialId()).orElseThrow();
        });
    }

    @Override
    public Optional<AdapterAuthenticator> getAuthenticator(String credentialId) {
        return database.withConnection(connection -> findAuthenticator(connection, credentialId));
    }

    @Override
    public List<AdapterAuthenticator> listAuthenticatorsByUserId(String userId) {
        return database.withConnection(connection -> Sql.queryList(
                connection,
                "SELECT " + columns("", AUTHENTICATOR_COLUMNS) + " FROM " + AUTHENTICATOR + " WHERE \"userId\" = ?",
                List.of(text(userId)),
                DerbyReferenceAdapter::readAuthenticator));
    }

    @Override
    public AdapterAuthenticator updateAuthenticatorCounter(String credentialId, long newCounter) {
        return database.withConnection(connection -> {
            Map<String, Sql.Param> changes = Map.of("counter", new Sql.Param(SqlType.BIGINT, newCounter));
            if (findAuthenticator(connection, credentialId).isEmpty()
                    || updateRow(connection, AUTHENTICATOR, changes, "credentialID", credentialId) == 0) {
                throw new AdapterException("No authenticator with credential id " + credentialId);
            }
            return findAuthenticator(connection, credentialId).orElseThrow();
        });
    }

    // ---- reading rows -----------------------------------------------------------------------------------------

    private Optional<AdapterUser> findUser(Connection connection, String id) throws SQLException {
        return Sql.queryOne(
                connection,
                "SELECT " + withExtras("", USER_COLUMNS) + " FROM " + USER + " WHERE \"id\" = ?",
                List.of(text(id)),
                row -> readUser(row, ""));
    }

    private Optional<AdapterAccount> findAccount(Connection connection, String provider, String providerAccountId)
            throws SQLException {
        return Sql.queryOne(
                        connection,
                        "SELECT " + withExtras("", ACCOUNT_COLUMNS) + " FROM " + ACCOUNT
                                + " WHERE \"provider\" = ? AND \"providerAccountId\" = ?",
                        List.of(text(provider), text(providerAccountId)),
                        DerbyReferenceAdapter::readAccount)
                .filter(found ->
                        provider.equals(found.provider()) && providerAccountId.equals(found.providerAccountId()));
    }

    private Optional<AdapterSession> findSession(Connection connection, String sessionToken) throws SQLException {
        return Sql.queryOne(
                        connection,
                        "SELECT " + withExtras("", SESSION_COLUMNS) + " FROM " + SESSION
                                + " WHERE \"sessionToken\" = ?",
                        List.of(text(sessionToken)),
                        row -> readSession(row, ""))
                .filter(found -> sessionToken.equals(found.sessionToken()));
    }

    private Optional<AdapterAuthenticator> findAuthenticator(Connection connection, String credentialId)
            throws SQLException {
        return Sql.queryOne(
                        connection,
                        "SELECT " + columns("", AUTHENTICATOR_COLUMNS) + " FROM " + AUTHENTICATOR
                                + " WHERE \"credentialID\" = ?",
                        List.of(text(credentialId)),
                        DerbyReferenceAdapter::readAuthenticator)
                .filter(found -> credentialId.equals(found.credentialId()));
    }

    private static AdapterUser readUser(ResultSet row, String prefix) throws SQLException {
        return new AdapterUser(
                row.getString(prefix + "id"),
                row.getString(prefix + "name"),
                row.getString(prefix + "email"),
                (Instant) SqlType.TIMESTAMP.read(row, prefix + "emailVerified"),
                row.getString(prefix + "image"),
                readExtras(row, prefix));
    }

    private static AdapterSession readSession(ResultSet row, String prefix) throws SQLException {
        return new AdapterSession(
                row.getString(prefix + "sessionToken"),
                row.getString(prefix + "userId"),
                (Instant) SqlType.TIMESTAMP.read(row, prefix + "expires"),
                readExtras(row, prefix));
    }

    static AdapterAccount readAccount(ResultSet row) throws SQLException {
        return new AdapterAccount(
                row.getString("userId"),
                row.getString("type"),
                row.getString("provider"),
                row.getString("providerAccountId"),
                row.getString("refresh_token"),
                row.getString("access_token"),
                (Long) SqlType.BIGINT.read(row, "expires_at"),
                row.getString("token_type"),
                row.getString("scope"),
                row.getString("id_token"),
                row.getString("session_state"),
                readExtras(row, ""));
    }

    private static AdapterAuthenticator readAuthenticator(ResultSet row) throws SQLException {
        return new AdapterAuthenticator(
                row.getString("credentialID"),
                row.getString("userId"),
                row.getString("providerAccountId"),
                row.getString("credentialPublicKey"),
                row.getLong("counter"),
                row.getString("credentialDeviceType"),
                row.getBoolean("credentialBackedUp"),
                row.getString("transports"));
    }

    private static Map<String, Object> readExtras(ResultSet row, String prefix) throws SQLException {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (ExtraColumn column : EXTRA_COLUMNS) {
            extras.put(column.name(), column.type().read(row, prefix + column.name()));
        }
        return extras;
    }

    // ---- rate limits ------------------------------------------------------------------------------------------

    @Override
    public RateLimitWindow hitRateLimit(String key, Instant now, Duration window, int max) {
        Instant expiredAt = now.minus(window);
        for (int attempt = 0; ; attempt++) {
            try {
                RateLimitWindow result =
                        database.withConnection(connection -> hitInTransaction(connection, key, now, expiredAt, max));
                if (result != null) {
                    return result;
                }
            } catch (AdapterException e) {
                // A concurrent first insert of the same key won: count again on its row.
                if (attempt >= 32
                        || !(e.getCause() instanceof SQLException sql
                                && (DUPLICATE_KEY.equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())))) {
                    throw e;
                }
            }
        }
    }

    /** One transaction; null when the row changed between the statements (then the caller counts again). */
    private static RateLimitWindow hitInTransaction(
            Connection connection, String key, Instant now, Instant expiredAt, int max) throws SQLException {
        connection.setAutoCommit(false);
        try {
            String table = DerbySchema.RATE_LIMIT;
            Sql.Param timestampNow = new Sql.Param(SqlType.TIMESTAMP, now);
            Sql.Param timestampExpired = new Sql.Param(SqlType.TIMESTAMP, expiredAt);
            RateLimitWindow result;
            if (Sql.update(
                            connection,
                            "UPDATE " + table + " SET \"count\" = \"count\" + 1 WHERE \"key\" = ?"
                                    + " AND \"windowStart\" > ? AND \"count\" < ?",
                            List.of(text(key), timestampExpired, new Sql.Param(SqlType.INTEGER, max)))
                    == 1) {
                result = read(connection, key)
                        .map(w -> RateLimitWindow.counted(key, w.count(), w.windowStart()))
                        .orElseThrow();
            } else if (Sql.update(
                            connection,
                            "UPDATE " + table + " SET \"count\" = 1, \"windowStart\" = ?"
                                    + " WHERE \"key\" = ? AND \"windowStart\" <= ?",
                            List.of(timestampNow, text(key), timestampExpired))
                    == 1) {
                result = RateLimitWindow.counted(key, 1, now);
            } else {
                Optional<RateLimitWindow> full = read(connection, key);
                if (full.isPresent()) {
                    RateLimitWindow stored = full.get();
                    result = stored.count() >= max && stored.windowStart().isAfter(expiredAt)
                            ? RateLimitWindow.refused(key, stored.count(), stored.windowStart())
                            : null;
                } else {
                    Sql.update(
                            connection,
                            "INSERT INTO " + table + " (\"key\", \"count\", \"windowStart\")" + " VALUES (?, 1, ?)",
                            List.of(text(key), timestampNow));
                    result = RateLimitWindow.counted(key, 1, now);
                }
            }
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    static Optional<RateLimitWindow> read(Connection connection, String key) throws SQLException {
        return Sql.queryOne(
                connection,
                "SELECT \"count\", \"windowStart\" FROM " + DerbySchema.RATE_LIMIT + " WHERE \"key\" = ?",
                List.of(text(key)),
                row -> RateLimitWindow.counted(
                        key, row.getInt("count"), (Instant) SqlType.TIMESTAMP.read(row, "windowStart")));
    }

    @Override
    public int deleteRateLimitsBefore(Instant windowStartBefore, int limit) {
        return database.withConnection(connection -> {
            List<String> keys = Sql.queryList(
                    connection,
                    "SELECT \"key\" FROM " + DerbySchema.RATE_LIMIT + " WHERE \"windowStart\" < ? FETCH FIRST " + limit
                            + " ROWS ONLY",
                    List.of(new Sql.Param(SqlType.TIMESTAMP, windowStartBefore)),
                    row -> row.getString("key"));
            int deleted = 0;
            for (String key : keys) {
                deleted += Sql.update(
                        connection,
                        "DELETE FROM " + DerbySchema.RATE_LIMIT + " WHERE \"key\" = ?" + " AND \"windowStart\" < ?",
                        List.of(text(key), new Sql.Param(SqlType.TIMESTAMP, windowStartBefore)));
            }
            return deleted;
        });
    }

    // ---- writing rows -----------------------------------------------------------------------------------------

    private static List<Sql.Param> extraParams(Map<String, Object> extras) {
        List<Sql.Param> params = new ArrayList<>();
        extras.forEach((name, value) -> params.add(extraParam(name, value)));
        return params;
    }

    private static Map<String, Sql.Param> extraChanges(Map<String, Object> extras) {
        Map<String, Sql.Param> changes = new LinkedHashMap<>();
        extras.forEach((name, value) -> changes.put(name, extraParam(name, value)));
        return changes;
    }

    /** Checks the value's Java type here, so that a wrong one is named instead of failing deep in JDBC. */
    private static Sql.Param extraParam(String name, Object value) {
        ExtraColumn column = extraColumn(name);
        Class<?> expected = column.type().javaType();
        if (value != null && !expected.isInstance(value)) {
            throw new AdapterException("Extra field '" + name + "' takes a " + expected.getSimpleName() + ", not a "
                    + value.getClass().getSimpleName());
        }
        return new Sql.Param(column.type(), value);
    }

    /** Refuses a name the schema does not have: storing it nowhere would lose it silently. */
    private static ExtraColumn extraColumn(String name) {
        return EXTRA_COLUMNS.stream()
                .filter(column -> column.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AdapterException("The schema has no extra field '" + name + "'"));
    }

    private static int updateRow(
            Connection connection, String table, Map<String, Sql.Param> changes, String keyColumn, String key)
            throws SQLException {
        String assignments =
                changes.keySet().stream().map(column -> quote(column) + " = ?").collect(Collectors.joining(", "));
        List<Sql.Param> params = new ArrayList<>(changes.values());
        params.add(text(key));
        return Sql.update(
                connection, "UPDATE " + table + " SET " + assignments + " WHERE " + quote(keyColumn) + " = ?", params);
    }

    private static String insert(String table, List<String> canonical, Set<String> extras) {
        List<String> all = new ArrayList<>(canonical);
        all.addAll(extras);
        return "INSERT INTO " + table + " (" + columns("", all) + ") VALUES ("
                + all.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static String columns(String alias, List<String> canonical) {
        return canonical.stream().map(column -> alias + quote(column)).collect(Collectors.joining(", "));
    }

    static String withExtras(String alias, List<String> canonical) {
        List<String> all = new ArrayList<>(canonical);
        EXTRA_COLUMNS.forEach(column -> all.add(column.name()));
        return columns(alias, all);
    }

    /** Canonical and extra columns of one table, each labelled with a prefix so that a join can tell them apart. */
    private static String labelled(String alias, String prefix, List<String> canonical) {
        List<String> all = new ArrayList<>(canonical);
        EXTRA_COLUMNS.forEach(column -> all.add(column.name()));
        return all.stream()
                .map(column -> alias + quote(column) + " AS " + quote(prefix + column))
                .collect(Collectors.joining(", "));
    }
}
