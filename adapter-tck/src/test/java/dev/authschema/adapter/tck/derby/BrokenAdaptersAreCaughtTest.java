package dev.authschema.adapter.tck.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.UnknownAccountException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A kit that passes everything proves little: here it runs against adapters derived from the reference adapter,
 * each with one deliberate bug, and exactly the cases that guard against that bug must fail.
 *
 * <p>The kits over broken adapters are static nested classes without a {@code Test} suffix: Surefire does not run
 * them on its own (it skips nested classes), only {@link EngineTestKit} does, from the tests below.
 */
class BrokenAdaptersAreCaughtTest {

    /** Shared by the broken kits, which run one after another and each clean it before every case. */
    private static final DerbyDatabase DATABASE = DerbyDatabase.createInMemory("broken-adapters");

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void a_use_verification_token_that_ignores_its_delete_count_lets_two_callers_win() {
        KitRun run = runKit(RacyVerificationTokensKit.class);

        assertThat(run.failed())
                .containsExactly("use_verification_token_has_exactly_one_winner_among_concurrent_callers");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void an_update_user_that_nulls_what_it_was_not_given_is_caught() {
        KitRun run = runKit(ForgetfulUserUpdatesKit.class);

        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "update_user_changes_only_the_given_properties",
                        "update_user_can_clear_a_property_and_keeps_the_others",
                        "update_user_changes_extras_and_keeps_the_canonical_properties");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void a_delete_session_that_throws_on_a_missing_token_is_caught() {
        KitRun run = runKit(StrictSessionDeletesKit.class);

        // A padded token is a missing token too.
        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "delete_session_of_a_missing_token_is_not_an_error",
                        "deletes_with_a_trailing_space_delete_nothing");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void a_link_account_that_overwrites_the_existing_account_before_refusing_is_caught() {
        KitRun run = runKit(OverwritingDuplicateLinksKit.class);

        assertThat(run.failed())
                .contains("a_second_account_with_the_same_provider_account_id_is_refused_and_changes_nothing")
                .isSubsetOf(
                        "a_second_account_with_the_same_provider_account_id_is_refused_and_changes_nothing",
                        "concurrent_links_of_one_account_have_one_winner_and_duplicate_account_for_the_others");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void a_get_account_that_ignores_the_provider_is_caught() {
        KitRun run = runKit(ProviderBlindAccountsKit.class);

        // The trailing-space case looks the account up with a provider that differs by a space: another provider.
        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "get_account_finds_the_account_and_nothing_for_an_unknown_one",
                        "account_lookups_with_a_trailing_space_find_nothing");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void an_authenticator_store_that_always_writes_not_backed_up_is_caught() {
        KitRun run = runKit(ForgetfulBackupsKit.class);

        assertThat(run.failed())
                .containsExactly("a_backed_up_authenticator_of_a_linked_webauthn_account_keeps_every_property");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void an_adapter_that_compares_keys_with_pad_space_is_caught() {
        KitRun run = runKit(PaddedKeysKit.class);

        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "get_user_by_email_with_a_trailing_space_finds_nothing",
                        "session_lookups_with_a_trailing_space_find_nothing",
                        "use_verification_token_with_a_trailing_space_finds_nothing_and_keeps_the_token",
                        "account_lookups_with_a_trailing_space_find_nothing",
                        "get_authenticator_with_a_trailing_space_finds_nothing",
                        "a_user_id_with_a_trailing_space_reads_and_writes_no_hash");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void an_adapter_without_accounts_is_caught_in_strict_mode() {
        KitRun run = runKit(WithoutAccountsKit.class);

        assertThat(run.failed()).containsExactly("declares_the_capabilities_of_the_methods_auth_js_requires");
        assertThat(run.succeeded()).isGreaterThan(15);
    }

    @Test
    void an_adapter_that_leaks_the_stores_exceptions_is_caught_by_every_typed_error_case() {
        KitRun run = runKit(LeakingStoreExceptionsKit.class);

        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "create_user_with_a_taken_email_throws_duplicate_email",
                        "update_user_to_a_taken_email_throws_duplicate_email",
                        "create_session_with_a_taken_token_throws_duplicate_session_token",
                        "link_account_for_an_unknown_user_throws_unknown_user",
                        "create_session_for_an_unknown_user_throws_unknown_user",
                        "concurrent_links_of_one_account_have_one_winner_and_duplicate_account_for_the_others",
                        "a_second_account_with_the_same_provider_account_id_is_refused_and_changes_nothing");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void an_update_account_that_reads_outside_the_lock_loses_changes_under_concurrency() {
        KitRun run = runKit(UnlockedAccountUpdatesKit.class);

        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "concurrent_updates_of_one_account_lose_no_change",
                        "a_second_update_waits_for_the_first_and_sees_its_result");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void a_rate_limit_that_reads_then_writes_loses_counts_under_concurrency() {
        KitRun run = runKit(RacyRateLimitsKit.class);

        assertThat(run.failed())
                .contains("concurrent_hits_on_one_key_each_get_their_own_count")
                .isSubsetOf(
                        "concurrent_hits_on_one_key_each_get_their_own_count",
                        "concurrent_hits_on_a_nearly_full_window_let_exactly_the_room_through",
                        "concurrent_hits_after_the_window_restart_it_once");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void an_update_user_that_writes_the_whole_row_and_clears_the_password_hash_is_caught() {
        KitRun run = runKit(PasswordClearingUserUpdatesKit.class);

        assertThat(run.failed()).containsExactly("update_user_keeps_the_hash");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    @Test
    void a_set_password_hash_that_ignores_an_unknown_user_is_caught() {
        KitRun run = runKit(SilentPasswordWritesKit.class);

        assertThat(run.failed())
                .containsExactlyInAnyOrder(
                        "set_password_hash_for_an_unknown_user_throws_and_writes_nothing",
                        "delete_user_deletes_the_hash",
                        "a_user_id_with_a_trailing_space_reads_and_writes_no_hash");
        assertThat(run.succeeded()).isGreaterThan(40);
    }

    /** Caught only where the JVM's zone has daylight saving time, as on most servers: the case runs on Los Angeles time. */
    @Test
    void session_expiry_written_through_the_jvm_zone_is_caught() {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        try {
            KitRun run = runKit(JvmZoneSessionExpiryKit.class);

            assertThat(run.failed()).containsExactly("session_expiry_in_zone_transitions_round_trips");
            assertThat(run.succeeded()).isGreaterThan(40);
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    // ---- running a kit ----------------------------------------------------------------------------------------

    /** The outcome of one kit run: names of the failed cases, and how many passed. */
    record KitRun(Set<String> failed, long succeeded) {}

    private static KitRun runKit(Class<? extends AuthAdapterConformanceTest> kit) {
        Events cases = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(kit))
                .execute()
                .testEvents();
        Set<String> failed = new TreeSet<>();
        cases.failed().stream()
                .map(event -> event.getTestDescriptor())
                .map(BrokenAdaptersAreCaughtTest::methodName)
                .forEach(failed::add);
        return new KitRun(failed, cases.succeeded().count());
    }

    private static String methodName(TestDescriptor descriptor) {
        return descriptor
                .getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .orElse(descriptor.getDisplayName());
    }

    // ---- the kits ---------------------------------------------------------------------------------------------

    /** The kit over one broken adapter; everything but the adapter is as for the reference adapter. */
    abstract static class BrokenAdapterKit extends AuthAdapterConformanceTest {
        @Override
        protected DatabaseInspector database() {
            return new DerbyDatabaseInspector(DATABASE);
        }

        @Override
        protected ExtraFields extraFields() {
            return DerbySchema.EXTRA_FIELDS;
        }

        @Override
        protected void cleanDatabase() {
            DATABASE.deleteAllRows();
        }
    }

    static class RacyVerificationTokensKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new RacyVerificationTokens(DATABASE);
        }
    }

    static class UnlockedAccountUpdatesKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new UnlockedAccountUpdates(DATABASE);
        }
    }

    static class ForgetfulUserUpdatesKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new ForgetfulUserUpdates(DATABASE);
        }
    }

    static class StrictSessionDeletesKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new StrictSessionDeletes(DATABASE);
        }
    }

    static class OverwritingDuplicateLinksKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new OverwritingDuplicateLinks(DATABASE);
        }
    }

    static class RacyRateLimitsKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new RacyRateLimits(DATABASE);
        }
    }

    static class ProviderBlindAccountsKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new ProviderBlindAccounts(DATABASE);
        }
    }

    static class ForgetfulBackupsKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new ForgetfulBackups(DATABASE);
        }
    }

    /** Does not opt out of Auth.js's required methods, though the adapter has no accounts. */
    static class WithoutAccountsKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new UsersAndSessionsAdapter(
                    DATABASE, EnumSet.of(AdapterCapability.USERS, AdapterCapability.SESSIONS));
        }
    }

    static class LeakingStoreExceptionsKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new LeakingStoreExceptions(DATABASE);
        }
    }

    static class PasswordClearingUserUpdatesKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new PasswordClearingUserUpdates(DATABASE);
        }
    }

    static class SilentPasswordWritesKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new SilentPasswordWrites(DATABASE);
        }
    }

    static class PaddedKeysKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new PaddedKeys(DATABASE);
        }
    }

    static class JvmZoneSessionExpiryKit extends BrokenAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new JvmZoneSessionExpiry(DATABASE);
        }
    }

    // ---- the broken adapters ----------------------------------------------------------------------------------

    /**
     * Runs the change on a copy read without the lock, then stores its result under the lock: two concurrent
     * updates both start from the same account, and one's change is lost.
     */
    static final class UnlockedAccountUpdates extends DerbyReferenceAdapter {
        UnlockedAccountUpdates(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterAccount updateAccount(
                String provider, String providerAccountId, UnaryOperator<AdapterAccount> change) {
            AdapterAccount read =
                    getAccount(providerAccountId, provider).orElseThrow(() -> new UnknownAccountException(provider));
            AdapterAccount changed = change.apply(read);
            // Widens the window between the unlocked read and the write, so that concurrent callers always overlap
            // (without it the kit's race case caught this adapter only most of the time).
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.updateAccount(provider, providerAccountId, stored -> changed);
        }
    }

    /** Finds an account by its provider account id alone: the same id at another provider is taken for it. */
    static final class ProviderBlindAccounts extends DerbyReferenceAdapter {
        ProviderBlindAccounts(DerbyDatabase database) {
            super(database);
        }

        @Override
        public Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
            return database.withConnection(connection -> Sql.queryOne(
                    connection,
                    "SELECT " + withExtras("", ACCOUNT_COLUMNS) + " FROM " + DerbySchema.ACCOUNT
                            + " WHERE \"providerAccountId\" = ?",
                    List.of(Sql.text(providerAccountId)),
                    DerbyReferenceAdapter::readAccount));
        }
    }

    /**
     * Compares keys as SQL's PAD SPACE does (Derby, MySQL's and MariaDB's PAD collations): the trailing spaces of a
     * looked-up key do not count, so {@code "a "} finds the row of {@code "a"}.
     */
    static final class PaddedKeys extends DerbyReferenceAdapter {
        PaddedKeys(DerbyDatabase database) {
            super(database);
        }

        @Override
        public Optional<AdapterUser> getUserByEmail(String email) {
            return super.getUserByEmail(email.stripTrailing());
        }

        @Override
        public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
            return super.getSessionAndUser(sessionToken.stripTrailing());
        }

        @Override
        public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
            return super.useVerificationToken(identifier.stripTrailing(), token.stripTrailing());
        }

        @Override
        public Optional<AdapterAccount> getAccount(String providerAccountId, String provider) {
            return super.getAccount(providerAccountId.stripTrailing(), provider.stripTrailing());
        }

        @Override
        public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
            return super.getUserByAccount(provider.stripTrailing(), providerAccountId.stripTrailing());
        }

        @Override
        public Optional<AdapterAuthenticator> getAuthenticator(String credentialId) {
            return super.getAuthenticator(credentialId.stripTrailing());
        }

        @Override
        public Optional<String> getPasswordHash(String userId) {
            return super.getPasswordHash(userId.stripTrailing());
        }

        @Override
        public void setPasswordHash(String userId, String passwordHash) {
            super.setPasswordHash(userId.stripTrailing(), passwordHash);
        }
    }

    /**
     * Writes the user's whole row from the record, as a mapper that knows only the record's columns would, and so
     * clears the password hash, which the record does not carry.
     */
    static final class PasswordClearingUserUpdates extends DerbyReferenceAdapter {
        PasswordClearingUserUpdates(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterUser updateUser(UserUpdate update) {
            AdapterUser updated = super.updateUser(update);
            super.setPasswordHash(updated.id(), null);
            return updated;
        }
    }

    /** Updates the hash without looking at what it updated: an unknown (or padded) user id passes silently. */
    static final class SilentPasswordWrites extends DerbyReferenceAdapter {
        SilentPasswordWrites(DerbyDatabase database) {
            super(database);
        }

        @Override
        public void setPasswordHash(String userId, String passwordHash) {
            database.withConnection(connection -> Sql.update(
                    connection,
                    "UPDATE " + DerbySchema.USER + " SET \"passwordHash\" = ? WHERE \"id\" = ?",
                    List.of(Sql.text(passwordHash), Sql.text(userId))));
        }
    }

    /** Stores every authenticator as not backed up, the value of the kit's first authenticator fixture. */
    static final class ForgetfulBackups extends DerbyReferenceAdapter {
        ForgetfulBackups(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterAuthenticator createAuthenticator(AdapterAuthenticator given) {
            return super.createAuthenticator(new AdapterAuthenticator(
                    given.credentialId(),
                    given.userId(),
                    given.providerAccountId(),
                    given.credentialPublicKey(),
                    given.counter(),
                    given.credentialDeviceType(),
                    false,
                    given.transports()));
        }
    }

    /**
     * Lets the store's failures of its writes through as JPA's {@link PersistenceException} with the driver's message,
     * as the generated adapter did before it translated them.
     */
    static final class LeakingStoreExceptions extends DerbyReferenceAdapter {
        LeakingStoreExceptions(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterUser createUser(AdapterUser user) {
            return leaking(() -> super.createUser(user));
        }

        @Override
        public AdapterUser updateUser(UserUpdate update) {
            return leaking(() -> super.updateUser(update));
        }

        @Override
        public AdapterAccount linkAccount(AdapterAccount account) {
            return leaking(() -> super.linkAccount(account));
        }

        @Override
        public AdapterSession createSession(AdapterSession session) {
            return leaking(() -> super.createSession(session));
        }

        private static <T> T leaking(Supplier<T> write) {
            try {
                return write.get();
            } catch (AdapterException e) {
                if (e.getCause() instanceof SQLException store) {
                    throw new PersistenceException(store.getMessage(), store);
                }
                throw e;
            }
        }
    }

    /** Finds, then deletes without looking at how many rows the delete removed: every finder wins. */
    static final class RacyVerificationTokens extends DerbyReferenceAdapter {
        RacyVerificationTokens(DerbyDatabase database) {
            super(database);
        }

        @Override
        public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
            return database.withConnection(connection -> {
                Optional<VerificationToken> found = findVerificationToken(connection, identifier, token);
                if (found.isPresent()) {
                    pause(); // a slow network: without it the kit catches this bug in about 1 round in 30
                    deleteVerificationToken(connection, identifier, token);
                }
                return found;
            });
        }

        private static void pause() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes every canonical property, so the ones the update did not set become null. */
    static final class ForgetfulUserUpdates extends DerbyReferenceAdapter {
        ForgetfulUserUpdates(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterUser updateUser(UserUpdate update) {
            UserUpdate everything = UserUpdate.of(update.userId())
                    .withName(update.isSet(UserUpdate.Property.NAME) ? update.name() : null)
                    .withEmail(update.isSet(UserUpdate.Property.EMAIL) ? update.email() : null)
                    .withEmailVerified(update.isSet(UserUpdate.Property.EMAIL_VERIFIED) ? update.emailVerified() : null)
                    .withImage(update.isSet(UserUpdate.Property.IMAGE) ? update.image() : null);
            for (var extra : update.extras().entrySet()) {
                everything = everything.withExtra(extra.getKey(), extra.getValue());
            }
            return super.updateUser(everything);
        }
    }

    /** Treats signing out twice as an error. */
    static final class StrictSessionDeletes extends DerbyReferenceAdapter {
        StrictSessionDeletes(DerbyDatabase database) {
            super(database);
        }

        @Override
        public void deleteSession(String sessionToken) {
            if (getSessionAndUser(sessionToken).isEmpty()) {
                throw new AdapterException("No session to delete");
            }
            super.deleteSession(sessionToken);
        }
    }

    /** Refuses a duplicate link as it should, but only after moving the existing account to the new user. */
    static final class OverwritingDuplicateLinks extends DerbyReferenceAdapter {
        OverwritingDuplicateLinks(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterAccount linkAccount(AdapterAccount account) {
            try {
                return super.linkAccount(account);
            } catch (DuplicateAccountException duplicate) {
                unlinkAccount(account.provider(), account.providerAccountId());
                super.linkAccount(account);
                throw duplicate;
            }
        }
    }

    /** Reads the count, then writes count + 1 in another statement: concurrent hits overwrite each other. */
    static final class RacyRateLimits extends DerbyReferenceAdapter {
        RacyRateLimits(DerbyDatabase database) {
            super(database);
        }

        @Override
        public RateLimitWindow hitRateLimit(String key, Instant now, Duration window, int max) {
            return database.withConnection(connection -> {
                Optional<RateLimitWindow> stored = read(connection, key);
                if (stored.isEmpty() || !stored.get().windowStart().isAfter(now.minus(window))) {
                    Sql.update(
                            connection,
                            "DELETE FROM " + DerbySchema.RATE_LIMIT + " WHERE \"key\" = ?",
                            List.of(Sql.text(key)));
                    Sql.update(
                            connection,
                            "INSERT INTO " + DerbySchema.RATE_LIMIT
                                    + " (\"key\", \"count\", \"windowStart\") VALUES (?, 1, ?)",
                            List.of(Sql.text(key), new Sql.Param(SqlType.TIMESTAMP, now)));
                    return RateLimitWindow.counted(key, 1, now);
                }
                RateLimitWindow current = stored.get();
                if (current.count() >= max) {
                    return RateLimitWindow.refused(key, current.count(), current.windowStart());
                }
                Sql.update(
                        connection,
                        "UPDATE " + DerbySchema.RATE_LIMIT + " SET \"count\" = ? WHERE \"key\" = ?",
                        List.of(new Sql.Param(SqlType.INTEGER, current.count() + 1), Sql.text(key)));
                return RateLimitWindow.counted(key, current.count() + 1, current.windowStart());
            });
        }
    }

    /**
     * Writes a session's expiry as its UTC wall-clock time through {@code Timestamp.valueOf}, that is in the JVM's zone
     * (what EclipseLink does with a converter's {@code LocalDateTime}): a time in the zone's spring gap moves an hour.
     */
    static final class JvmZoneSessionExpiry extends DerbyReferenceAdapter {
        JvmZoneSessionExpiry(DerbyDatabase database) {
            super(database);
        }

        @Override
        public AdapterSession createSession(AdapterSession session) {
            super.createSession(session);
            return database.withConnection(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + DerbySchema.SESSION + " SET \"expires\" = ? WHERE \"sessionToken\" = ?")) {
                    update.setTimestamp(
                            1, Timestamp.valueOf(LocalDateTime.ofInstant(session.expires(), ZoneOffset.UTC)));
                    update.setString(2, session.sessionToken());
                    update.executeUpdate();
                }
                return getSessionAndUser(session.sessionToken()).orElseThrow().session();
            });
        }
    }
}
