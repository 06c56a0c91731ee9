package dev.authschema.jpa;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.DuplicateSessionTokenException;
import dev.authschema.adapter.InvalidValueException;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an adapter method does to the store, so that a failure can be reported as the typed {@link AdapterException}
 * it means: a unique-key violation while linking an account is a {@link DuplicateAccountException}, a foreign-key
 * violation while creating a session an {@link UnknownUserException}, and so on. {@link JpaStore} applies it to
 * every call of a generated adapter.
 *
 * <p>The kind of violation comes from the JDBC {@link SQLException} in the failure's causes: its SQLState (Derby,
 * PostgreSQL and the standard: {@code 23505} unique, {@code 23503} foreign key, {@code 23502} not null, class
 * {@code 22} data) or, where the driver reports the generic {@code 23000} (MySQL, MariaDB, SQL Server), its vendor
 * error code. Which key was violated mostly follows from what the method writes (a session's only key that a caller
 * chooses is its token). A user can have unique fields of its own besides the e-mail address: there the violated
 * key's name, as the database reports it, tells a taken address from a taken value of another field
 * ({@link #createUser(AdapterUser, String)}). A hand-written JDBC adapter may use {@link #failure} too.
 */
public final class StoreOperation {

    /** MySQL/MariaDB {@code ER_DUP_ENTRY}, {@code ER_DUP_ENTRY_WITH_KEY_NAME}; SQL Server 2627 and 2601. */
    private static final int[] DUPLICATE_KEY_CODES = {1062, 1586, 2627, 2601};
    /** MySQL/MariaDB {@code ER_NO_REFERENCED_ROW(_2)}; SQL Server 547. */
    private static final int[] FOREIGN_KEY_CODES = {1452, 1216, 547};
    /** MySQL/MariaDB {@code ER_BAD_NULL_ERROR}, {@code ER_NO_DEFAULT_FOR_FIELD}; SQL Server 515. */
    private static final int[] NOT_NULL_CODES = {1048, 1364, 515};
    /** MySQL {@code ER_CHECK_CONSTRAINT_VIOLATED}, MariaDB's 4025, MySQL/MariaDB {@code ER_DATA_TOO_LONG}. */
    private static final int[] INVALID_VALUE_CODES = {3819, 4025, 1406};

    /** The kinds of store failure that mean something to the caller. */
    private enum Violation {
        UNIQUE_KEY,
        FOREIGN_KEY,
        INVALID_VALUE,
        OTHER
    }

    private final String method;
    private final Function<Throwable, AdapterException> duplicate;
    private final String duplicateKey;
    private final boolean writesUserId;

    private StoreOperation(
            String method, Function<Throwable, AdapterException> duplicate, String duplicateKey, boolean writesUserId) {
        this.method = method;
        this.duplicate = duplicate;
        this.duplicateKey = duplicateKey;
        this.writesUserId = writesUserId;
    }

    private StoreOperation(String method, Function<Throwable, AdapterException> duplicate, boolean writesUserId) {
        this(method, duplicate, null, writesUserId);
    }

    /**
     * For a user whose e-mail address is its only unique key a caller chooses.
     *
     * @param user the user being created
     * @return {@code createUser}
     */
    public static StoreOperation createUser(AdapterUser user) {
        return createUser(user, null);
    }

    /**
     * For a user with unique keys besides its e-mail address: only a violation of {@code emailKey} is a taken address.
     *
     * @param user     the user being created
     * @param emailKey the name of the unique constraint on the e-mail address, as the DDL writes it (compared without
     *                 regard to case); {@code null} when it is the only unique key
     * @return {@code createUser}
     */
    public static StoreOperation createUser(AdapterUser user, String emailKey) {
        return new StoreOperation(
                "createUser",
                user.email() == null ? null : cause -> new DuplicateEmailException("createUser", cause),
                emailKey,
                false);
    }

    /**
     * For a user whose e-mail address is its only unique key a caller chooses.
     *
     * @param update the update: a unique-key violation means a taken address only if it changes the address
     * @return {@code updateUser}
     */
    public static StoreOperation updateUser(UserUpdate update) {
        return updateUser(update, null);
    }

    /**
     * For a user with unique keys besides its e-mail address: only a violation of {@code emailKey} is a taken address.
     *
     * @param update   the update: a unique-key violation means a taken address only if it changes the address
     * @param emailKey the name of the unique constraint on the e-mail address; {@code null} when it is the only one
     * @return {@code updateUser}
     */
    public static StoreOperation updateUser(UserUpdate update, String emailKey) {
        boolean changesEmail = update.isSet(UserUpdate.Property.EMAIL) && update.email() != null;
        return new StoreOperation(
                "updateUser",
                changesEmail ? cause -> new DuplicateEmailException("updateUser", cause) : null,
                emailKey,
                false);
    }

    /**
     * @param account the account being linked: (provider, providerAccountId) is its key
     * @return {@code linkAccount}
     */
    public static StoreOperation linkAccount(AdapterAccount account) {
        return new StoreOperation(
                "linkAccount",
                cause -> new DuplicateAccountException(account.provider(), account.providerAccountId(), cause),
                true);
    }

    /**
     * @return {@code createSession}: the token is the session's key
     */
    public static StoreOperation createSession() {
        return new StoreOperation("createSession", DuplicateSessionTokenException::new, true);
    }

    /**
     * @param method a method that writes a {@code userId} and no key a caller chooses ({@code updateSession},
     *               {@code createAuthenticator})
     * @return that method
     */
    public static StoreOperation writingUserId(String method) {
        return new StoreOperation(Objects.requireNonNull(method, "method"), null, true);
    }

    /**
     * @param method any other method, reads included
     * @return that method: only refused values get a type of their own
     */
    public static StoreOperation named(String method) {
        return new StoreOperation(Objects.requireNonNull(method, "method"), null, false);
    }

    /**
     * @return the adapter method, for messages
     */
    public String method() {
        return method;
    }

    /**
     * Whether an exception comes from the store (JPA or JDBC) rather than from a bug in the calling code.
     *
     * @param failure an exception an operation threw
     * @return whether a {@code jakarta.persistence.PersistenceException} or an {@link SQLException} is among it and
     *         its causes
     */
    public static boolean isStoreFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || isPersistenceException(t.getClass())) {
                return true;
            }
        }
        return false;
    }

    /** By name, so that a JDBC adapter without the JPA API on its class path can use this class too. */
    private static boolean isPersistenceException(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("jakarta.persistence.PersistenceException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The typed exception a store failure of this operation means, with the failure as its cause. The message names
     * the method and the kind of failure, never a value.
     *
     * @param failure what the store threw
     * @return the exception to throw instead; {@code failure} itself if it already is an {@link AdapterException}
     */
    public AdapterException failure(Throwable failure) {
        if (failure instanceof AdapterException typed) {
            return typed;
        }
        Found found = violation(failure);
        return switch (found.kind()) {
            case UNIQUE_KEY -> {
                Optional<String> key = ViolatedKey.of(found.cause());
                boolean typed = duplicate != null
                        && (duplicateKey == null || key.isEmpty() || key.get().equalsIgnoreCase(duplicateKey));
                yield typed
                        ? duplicate.apply(failure)
                        : new AdapterException(
                                method + ": a row with the same "
                                        + key.map(k -> "value of key " + k).orElse("key")
                                        + " is already stored; nothing was changed",
                                failure);
            }
            case FOREIGN_KEY ->
                writesUserId
                        ? new UnknownUserException(method, failure)
                        : new AdapterException(
                                method + ": the store refused the change because other rows refer to it,"
                                        + " or it refers to a missing row; nothing was changed",
                                failure);
            case INVALID_VALUE -> new InvalidValueException(method, failure);
            case OTHER ->
                new AdapterException(
                        method + " failed in the store (" + failure.getClass().getSimpleName() + sqlState(failure)
                                + "); the cause has the details",
                        failure);
        };
    }

    /** A violation and the driver's exception that reports it ({@code null} for {@link Violation#OTHER}). */
    private record Found(Violation kind, SQLException cause) {}

    private static Found violation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isHibernateNullCheck(t.getClass())) {
                return new Found(Violation.INVALID_VALUE, null);
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    Violation violation = violation(e.getSQLState(), e.getErrorCode());
                    if (violation != Violation.OTHER) {
                        return new Found(violation, e);
                    }
                }
            }
        }
        return new Found(Violation.OTHER, null);
    }

    /**
     * Hibernate ORM checks a not-null column's value itself before any SQL (unless {@code hibernate.check_nullability}
     * is off), and reports it as its {@code PropertyValueException}, without a JDBC cause; by name, as Hibernate is
     * optional. Its subclass for a reference to an unsaved entity is a bug of the caller, not a value.
     */
    private static boolean isHibernateNullCheck(Class<?> type) {
        return type.getName().equals("org.hibernate.PropertyValueException");
    }

    private static Violation violation(String sqlState, int vendorCode) {
        String state = sqlState == null ? "" : sqlState;
        if (state.equals("23505") || state.startsWith("23") && contains(DUPLICATE_KEY_CODES, vendorCode)) {
            return Violation.UNIQUE_KEY;
        }
        if (state.equals("23503") || state.startsWith("23") && contains(FOREIGN_KEY_CODES, vendorCode)) {
            return Violation.FOREIGN_KEY;
        }
        if (state.startsWith("23")
                || state.startsWith("22")
                || contains(NOT_NULL_CODES, vendorCode)
                || contains(INVALID_VALUE_CODES, vendorCode)) {
            return Violation.INVALID_VALUE; // not null (23502), check (23513, 23514), too long (22001), ...
        }
        return Violation.OTHER;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return ", SQLState " + sql.getSQLState();
            }
        }
        return "";
    }

    private static boolean contains(int[] codes, int code) {
        for (int candidate : codes) {
            if (candidate == code) {
                return true;
            }
        }
        return false;
    }
}
