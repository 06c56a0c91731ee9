package dev.authschema.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.DuplicateSessionTokenException;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys differing only by trailing spaces are different keys in the generated DDL's primary keys and unique
 * constraints: PostgreSQL compares exactly, the MySQL and MariaDB tables use a binary NO PAD collation. Derby compares
 * with PAD SPACE (a documented limit): it refuses the second key of such a pair, with the typed exception, and the
 * first stays as it was. The current Auth.js schema keys accounts and verification tokens by primary keys, the
 * custom-models schema by unique constraints. The kit's trailing-space cases show the lookups on every database.
 */
class ExactKeysTest {

    static Stream<Arguments> targets() {
        return Arrays.stream(TestDatabase.Kind.values())
                .filter(kind -> kind != TestDatabase.Kind.DERBY)
                .flatMap(kind -> Stream.of(Samples.CURRENT, Samples.CUSTOM).map(sample -> Arguments.of(sample, kind)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void a_key_with_a_trailing_space_is_another_key(Samples sample, TestDatabase.Kind kind) throws Exception {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(sample.schema(), sample.packageName, kind)) {
            AuthAdapter adapter = harness.adapter();
            String email = "exact-" + UUID.randomUUID() + "@example.com";
            Instant expires = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

            AdapterUser plain = adapter.createUser(user(email));
            AdapterUser padded = adapter.createUser(user(email + " "));
            assertThat(padded.id()).isNotEqualTo(plain.id());
            assertThat(adapter.getUserByEmail(email)).map(AdapterUser::id).contains(plain.id());
            assertThat(adapter.getUserByEmail(email + " ")).map(AdapterUser::id).contains(padded.id());

            String token = "session-" + UUID.randomUUID();
            adapter.createSession(AdapterSession.of(token, plain.id(), expires));
            adapter.createSession(AdapterSession.of(token + " ", padded.id(), expires));
            assertThat(adapter.getSessionAndUser(token)
                            .map(SessionAndUser::user)
                            .map(AdapterUser::id))
                    .contains(plain.id());
            assertThat(adapter.getSessionAndUser(token + " ")
                            .map(SessionAndUser::user)
                            .map(AdapterUser::id))
                    .contains(padded.id());

            String accountId = "account-" + UUID.randomUUID();
            adapter.linkAccount(AdapterAccount.of(plain.id(), "oidc", "example", accountId));
            adapter.linkAccount(AdapterAccount.of(padded.id(), "oidc", "example", accountId + " "));
            assertThat(adapter.getAccount(accountId, "example").map(AdapterAccount::userId))
                    .contains(plain.id());
            assertThat(adapter.getAccount(accountId + " ", "example").map(AdapterAccount::userId))
                    .contains(padded.id());

            String linkToken = "link-" + UUID.randomUUID();
            adapter.createVerificationToken(new VerificationToken(email, linkToken, expires));
            adapter.createVerificationToken(new VerificationToken(email + " ", linkToken + " ", expires));
            assertThat(adapter.useVerificationToken(email + " ", linkToken + " "))
                    .map(VerificationToken::token)
                    .contains(linkToken + " ");
            assertThat(adapter.useVerificationToken(email, linkToken))
                    .map(VerificationToken::token)
                    .contains(linkToken);

            assertThat(rowsWithEmail(harness, sample, email))
                    .as("rows the database itself finds for the plain address")
                    .isEqualTo(1);
        }
    }

    /**
     * Derby takes {@code 'a '} for {@code 'a'} in its keys. Accepting both would be worse than refusing the second:
     * EclipseLink's persistence context merges two rows whose ids compare equal in the query into one entity, and a
     * bulk delete by one key would delete both. So the second key is refused, and the first is untouched.
     */
    @ParameterizedTest(name = "{0} on DERBY")
    @EnumSource(
            value = Samples.class,
            names = {"CURRENT", "CUSTOM"})
    void derby_refuses_a_key_that_differs_only_by_trailing_spaces(Samples sample) throws Exception {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(sample.schema(), sample.packageName, TestDatabase.Kind.DERBY)) {
            AuthAdapter adapter = harness.adapter();
            String email = "exact-" + UUID.randomUUID() + "@example.com";
            Instant expires = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
            AdapterUser plain = adapter.createUser(user(email));
            AdapterUser other = adapter.createUser(user("other-" + email));
            String token = "session-" + UUID.randomUUID();
            adapter.createSession(AdapterSession.of(token, plain.id(), expires));
            String accountId = "account-" + UUID.randomUUID();
            adapter.linkAccount(AdapterAccount.of(plain.id(), "oidc", "example", accountId));
            String linkToken = "link-" + UUID.randomUUID();
            adapter.createVerificationToken(new VerificationToken(email, linkToken, expires));

            assertThatThrownBy(() -> adapter.createUser(user(email + " "))).isInstanceOf(DuplicateEmailException.class);
            assertThatThrownBy(() -> adapter.createSession(AdapterSession.of(token + " ", other.id(), expires)))
                    .isInstanceOf(DuplicateSessionTokenException.class);
            assertThatThrownBy(() ->
                            adapter.linkAccount(AdapterAccount.of(other.id(), "oidc", "example", accountId + " ")))
                    .isInstanceOf(DuplicateAccountException.class);
            assertThatThrownBy(() -> adapter.createVerificationToken(
                            new VerificationToken(email + " ", linkToken + " ", expires)))
                    .isInstanceOf(AdapterException.class);

            assertThat(adapter.getUserByEmail(email + " ")).isEmpty();
            assertThat(adapter.getUserByEmail(email)).map(AdapterUser::id).contains(plain.id());
            assertThat(adapter.getSessionAndUser(token + " ")).isEmpty();
            assertThat(adapter.getSessionAndUser(token)
                            .map(SessionAndUser::user)
                            .map(AdapterUser::id))
                    .contains(plain.id());
            assertThat(adapter.getAccount(accountId + " ", "example")).isEmpty();
            assertThat(adapter.getAccount(accountId, "example").map(AdapterAccount::userId))
                    .contains(plain.id());
            assertThat(adapter.useVerificationToken(email + " ", linkToken + " "))
                    .isEmpty();
            assertThat(adapter.useVerificationToken(email, linkToken))
                    .map(VerificationToken::token)
                    .contains(linkToken);
        }
    }

    private static AdapterUser user(String email) {
        return new AdapterUser(UUID.randomUUID().toString(), "Exact", email, null, null, Map.of());
    }

    private static int rowsWithEmail(GeneratedAdapterHarness harness, Samples sample, String email) throws Exception {
        String table = harness.database().dialect().identifier(sample == Samples.CUSTOM ? "club_members" : "User");
        try (Connection connection = harness.database().connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
