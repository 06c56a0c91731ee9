package dev.authschema.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.DuplicateSessionTokenException;
import dev.authschema.adapter.InvalidValueException;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classification of store failures, with the SQLStates and vendor codes each database's driver reports (taken
 * from real failures: the conformance kit shows them on the real servers). The driver messages here quote values, as
 * the real ones do, and the typed messages must not.
 */
class StoreOperationTest {

    private static final AdapterUser USER = new AdapterUser("u1", "Ann", "ann@example.com", null, null, Map.of());
    private static final AdapterAccount ACCOUNT =
            new AdapterAccount("u1", "oauth", "github", "4711", null, null, null, null, null, null, null, Map.of());

    /** As EclipseLink and Hibernate report it: the JDBC exception some levels down. */
    private static PersistenceException wrapped(SQLException sql) {
        return new PersistenceException(
                "Exception [EclipseLink-4002]: " + sql.getMessage(), new RuntimeException("Internal Exception", sql));
    }

    private static SQLException postgres(String state) {
        return new SQLException("ERROR: ... Detail: Failing row contains (u1, Ann, ann@example.com).", state);
    }

    private static SQLException mariadb(int code) {
        return new SQLIntegrityConstraintViolationException(
                "(conn=7) Duplicate entry 'ann@example.com' for key", "23000", code);
    }

    private static SQLException derby(String state) {
        return new SQLIntegrityConstraintViolationException(
                "The statement was aborted ... 'ann@example.com'", state, 20000);
    }

    @Test
    void a_unique_violation_is_the_duplicate_the_operation_can_cause() {
        for (SQLException unique : new SQLException[] {postgres("23505"), mariadb(1062), derby("23505")}) {
            assertThat(StoreOperation.createUser(USER).failure(wrapped(unique)))
                    .isInstanceOf(DuplicateEmailException.class)
                    .hasRootCause(unique)
                    .hasMessageNotContaining("ann@example.com");
            assertThat(StoreOperation.linkAccount(ACCOUNT).failure(wrapped(unique)))
                    .isInstanceOf(DuplicateAccountException.class)
                    .hasMessageNotContaining("4711")
                    .hasMessageContaining("github");
            assertThat(StoreOperation.createSession().failure(wrapped(unique)))
                    .isInstanceOf(DuplicateSessionTokenException.class);
            assertThat(StoreOperation.named("createVerificationToken").failure(wrapped(unique)))
                    .isExactlyInstanceOf(AdapterException.class)
                    .hasMessageStartingWith("createVerificationToken:");
        }
    }

    @Test
    void a_user_without_an_address_or_an_update_that_keeps_it_cannot_have_a_duplicate_address() {
        AdapterUser withoutEmail = new AdapterUser("u1", "Ann", null, null, null, Map.of());
        assertThat(StoreOperation.createUser(withoutEmail).failure(wrapped(postgres("23505"))))
                .isExactlyInstanceOf(AdapterException.class);
        assertThat(StoreOperation.updateUser(UserUpdate.of("u1").withName("Bo")).failure(wrapped(mariadb(1062))))
                .isExactlyInstanceOf(AdapterException.class);
        assertThat(StoreOperation.updateUser(UserUpdate.of("u1").withEmail("b@example.com"))
                        .failure(wrapped(mariadb(1062))))
                .isInstanceOf(DuplicateEmailException.class);
    }

    @Test
    void a_foreign_key_violation_of_a_write_of_a_user_id_is_an_unknown_user() {
        for (SQLException fk : new SQLException[] {postgres("23503"), mariadb(1452), derby("23503")}) {
            assertThat(StoreOperation.linkAccount(ACCOUNT).failure(wrapped(fk)))
                    .isInstanceOf(UnknownUserException.class)
                    .hasMessageStartingWith("linkAccount:");
            assertThat(StoreOperation.createSession().failure(wrapped(fk))).isInstanceOf(UnknownUserException.class);
            assertThat(StoreOperation.writingUserId("createAuthenticator").failure(wrapped(fk)))
                    .isInstanceOf(UnknownUserException.class);
            assertThat(StoreOperation.named("deleteUser").failure(wrapped(fk)))
                    .isExactlyInstanceOf(AdapterException.class);
        }
    }

    @Test
    void nulls_too_long_values_and_check_violations_are_invalid_values() {
        SQLException[] refused = {
            postgres("23502"),
            derby("23502"),
            mariadb(1048),
            new SQLException("Field 'role' doesn't have a default value", "HY000", 1364),
            postgres("22001"),
            new SQLException("Data too long for column", "22001", 1406),
            derby("23513"),
            mariadb(4025)
        };
        for (SQLException invalid : refused) {
            assertThat(StoreOperation.createUser(USER).failure(wrapped(invalid)))
                    .as(invalid.getSQLState() + "/" + invalid.getErrorCode())
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageNotContaining("ann@example.com");
        }
    }

    @Test
    void any_other_store_failure_is_a_plain_adapter_exception_naming_the_method_and_the_sql_state() {
        SQLException outage = new SQLException("Connection refused to host db.internal", "08001");
        AdapterException failure = StoreOperation.named("getUser").failure(wrapped(outage));

        assertThat(failure)
                .isExactlyInstanceOf(AdapterException.class)
                .hasRootCause(outage)
                .hasMessageContaining("getUser")
                .hasMessageContaining("08001");
        assertThat(StoreOperation.named("x").failure(new PersistenceException("no SQL in sight")))
                .isExactlyInstanceOf(AdapterException.class);
    }

    @Test
    void an_adapter_exception_is_kept_as_it_is() {
        DuplicateAccountException early = new DuplicateAccountException("github", "4711", null);

        assertThat(StoreOperation.linkAccount(ACCOUNT).failure(early)).isSameAs(early);
    }

    @Test
    void only_jpa_and_jdbc_failures_are_store_failures() {
        assertThat(StoreOperation.isStoreFailure(wrapped(postgres("23505")))).isTrue();
        assertThat(StoreOperation.isStoreFailure(new IllegalStateException("tx", new SQLException("x"))))
                .isTrue();
        assertThat(StoreOperation.isStoreFailure(new NullPointerException())).isFalse();
    }

    // ---- which unique key: a user with a unique field besides the address -----------------------------------

    /** The messages as Derby 10.16, PostgreSQL 16 (old driver, no server fields), MariaDB 10.11 and MySQL 8 write them. */
    private static SQLException[] violationsOf(String key) {
        return new SQLException[] {
            new SQLIntegrityConstraintViolationException(
                    "The statement was aborted because it would have caused a duplicate key value in a unique or"
                            + " primary key constraint or unique index identified by '" + key.toUpperCase()
                            + "' defined on 'DEMO_MEMBERS'.",
                    "23505",
                    20000),
            new SQLException(
                    "ERROR: duplicate key value violates unique constraint \"" + key + "\"\n  Detail: Key (x)=(ann)"
                            + " already exists.",
                    "23505"),
            new SQLIntegrityConstraintViolationException(
                    "(conn=7) Duplicate entry 'ann' for key '" + key + "'", "23000", 1062),
            new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'ann' for key 'demo_members." + key + "'", "23000", 1062)
        };
    }

    @Test
    void only_a_violation_of_the_address_key_is_a_taken_address() {
        for (SQLException email : violationsOf("demo_members_email_key")) {
            assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(email)))
                    .as(email.getMessage())
                    .isInstanceOf(DuplicateEmailException.class);
            assertThat(StoreOperation.updateUser(
                                    UserUpdate.of("u1").withEmail("b@example.com"), "demo_members_email_key")
                            .failure(wrapped(email)))
                    .isInstanceOf(DuplicateEmailException.class);
        }
        for (SQLException handle : violationsOf("demo_members_handle_key")) {
            assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(handle)))
                    .as(handle.getMessage())
                    .isExactlyInstanceOf(AdapterException.class)
                    .hasMessageStartingWith("createUser:")
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("demo_members_handle_key"))
                    .hasMessageNotContaining("ann");
        }
        for (SQLException id : violationsOf("demo_members_pkey")) {
            assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(id)))
                    .isExactlyInstanceOf(AdapterException.class);
        }
    }

    @Test
    void a_value_that_spells_the_address_key_does_not_make_a_taken_address() {
        // MariaDB quotes the value before the key; a value can spell "for key '...'" of its own.
        SQLException forged = new SQLIntegrityConstraintViolationException(
                "(conn=7) Duplicate entry 'x' for key 'demo_members_email_key' for key 'demo_members_handle_key'",
                "23000",
                1062);
        SQLException forgedDetail = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"demo_members_handle_key\"\n  Detail: Key"
                        + " (handle)=(unique constraint \"demo_members_email_key\") already exists.",
                "23505");
        for (SQLException violation : new SQLException[] {forged, forgedDetail}) {
            assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(violation)))
                    .isExactlyInstanceOf(AdapterException.class);
        }
    }

    @Test
    void a_value_that_spells_another_databases_key_phrase_does_not_choose_the_key() {
        // Each database's phrase is read only in that database's message: a MariaDB/MySQL or SQL Server value that
        // spells Derby's "identified by '...' defined on", or a PostgreSQL detail (old driver) that spells it, or a
        // one-line message whose value spells PostgreSQL's phrase, does not name the key.
        String derbyEmail = "identified by 'DEMO_MEMBERS_EMAIL_KEY' defined on";
        String derbyHandle = "identified by 'DEMO_MEMBERS_HANDLE_KEY' defined on";
        SQLException[] handleDuplicates = {
            new SQLIntegrityConstraintViolationException(
                    "(conn=7) Duplicate entry '" + derbyEmail + "' for key 'demo_members_handle_key'", "23000", 1062),
            new SQLIntegrityConstraintViolationException(
                    "Duplicate entry '" + derbyEmail + "' for key 'demo_members.demo_members_handle_key'",
                    "23000",
                    1062),
            new SQLException(
                    "ERROR: duplicate key value violates unique constraint \"demo_members_handle_key\"\n  Detail: Key"
                            + " (handle)=(" + derbyEmail + ") already exists.",
                    "23505"),
        };
        for (SQLException violation : handleDuplicates) {
            assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(violation)))
                    .as(violation.getMessage())
                    .isExactlyInstanceOf(AdapterException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("demo_members_handle_key"));
        }
        SQLException[] emailDuplicates = {
            new SQLIntegrityConstraintViolationException(
                    "(conn=7) Duplicate entry '" + derbyHandle + "' for key 'demo_members_email_key'", "23000", 1062),
            new SQLException(
                    "ERROR: duplicate key value violates unique constraint \"demo_members_email_key\"\n  Detail: Key"
                            + " (email)=(" + derbyHandle + ") already exists.",
                    "23505"),
            // SQL Server puts the value last; its key phrase is not read, so the violation is taken for the address.
            new SQLIntegrityConstraintViolationException(
                    "Cannot insert duplicate key row in object 'dbo.demo_members' with unique index 'IX_email'. The"
                            + " duplicate key value is (" + derbyHandle + ").",
                    "23000",
                    2601),
            new SQLIntegrityConstraintViolationException(
                    "Violation of UNIQUE KEY constraint 'UQ_email'. The duplicate key value is (x for key"
                            + " 'demo_members_handle_key' unique constraint \"demo_members_handle_key\").",
                    "23000",
                    2627),
        };
        for (SQLException violation : emailDuplicates) {
            assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(violation)))
                    .as(violation.getMessage())
                    .isInstanceOf(DuplicateEmailException.class);
        }
    }

    @Test
    void a_violation_that_names_no_key_is_taken_for_the_address() {
        assertThat(StoreOperation.createUser(USER, "demo_members_email_key").failure(wrapped(mariadb(1062))))
                .isInstanceOf(DuplicateEmailException.class);
    }
}
