package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clean-up, session listing and "sign out everywhere else" operations of a generated adapter, on Derby (whose
 * string comparison pads with blanks), PostgreSQL and MariaDB.
 */
@ParameterizedClass
@EnumSource(
        value = TestDatabase.Kind.class,
        names = {"DERBY", "POSTGRESQL", "MARIADB"})
class GeneratedAdapterMaintenanceTest {

    private static GeneratedAdapterHarness harness;

    /** The database of this run; the harness above is started on it. */
    @Parameter
    TestDatabase.Kind kind;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase.Kind kind) {
        harness = GeneratedAdapterHarness.start(Samples.CUSTOM.schema(), Samples.CUSTOM.packageName, kind);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void clean() throws Exception {
        harness.clean();
    }

    private AuthAdapter adapter() {
        return harness.adapter();
    }

    private AdapterMaintenance maintenance() {
        return (AdapterMaintenance) harness.adapter();
    }

    private AdapterSession session(String userId, Instant expires) {
        return adapter().createSession(new AdapterSession(UUID.randomUUID().toString(), userId, expires, Map.of()));
    }

    @Test
    void deletes_expired_sessions_in_batches_and_never_a_live_one() {
        AdapterUser user = adapter().createUser(AdapterUser.of(UUID.randomUUID().toString(), "A", null, null, null));
        for (int i = 0; i < 5; i++) {
            session(user.id(), now.minus(Duration.ofMinutes(i + 1)));
        }
        AdapterSession live = session(user.id(), now.plus(Duration.ofDays(1)));

        assertThat(maintenance().deleteExpiredSessions(now, 3)).isEqualTo(3);
        assertThat(maintenance().deleteExpiredSessions(now, 3)).isEqualTo(2);
        assertThat(maintenance().deleteExpiredSessions(now, 3)).isZero();
        assertThat(adapter().getSessionAndUser(live.sessionToken())).isPresent();
    }

    @Test
    void deletes_expired_verification_tokens_only() {
        adapter().createVerificationToken(new VerificationToken("a@example.com", "expired", now.minusSeconds(1)));
        adapter().createVerificationToken(new VerificationToken("a@example.com", "live", now.plusSeconds(60)));

        assertThat(maintenance().deleteExpiredVerificationTokens(now, 100)).isEqualTo(1);
        assertThat(adapter().useVerificationToken("a@example.com", "live")).isPresent();
    }

    @Test
    void signs_out_every_other_session_of_the_user_only() {
        AdapterUser user = adapter().createUser(AdapterUser.of(UUID.randomUUID().toString(), "A", null, null, null));
        AdapterUser other =
                adapter().createUser(AdapterUser.of(UUID.randomUUID().toString(), "B", null, null, null));
        AdapterSession kept = session(user.id(), now.plus(Duration.ofDays(1)));
        AdapterSession dropped = session(user.id(), now.plus(Duration.ofDays(1)));
        AdapterSession othersSession = session(other.id(), now.plus(Duration.ofDays(1)));

        assertThat(maintenance().deleteSessionsOfUser(user.id(), kept.sessionToken()))
                .isEqualTo(1);
        assertThat(adapter().getSessionAndUser(kept.sessionToken())).isPresent();
        assertThat(adapter().getSessionAndUser(dropped.sessionToken())).isEmpty();
        assertThat(adapter().getSessionAndUser(othersSession.sessionToken())).isPresent();
    }

    private AdapterUser user(String name) {
        return adapter().createUser(AdapterUser.of(UUID.randomUUID().toString(), name, null, null, null));
    }

    @Test
    void lists_the_live_sessions_of_the_user_only_the_one_that_ends_last_first() {
        AdapterUser user = user("A");
        AdapterUser other = user("B");
        AdapterSession sooner = session(user.id(), now.plus(Duration.ofHours(1)));
        AdapterSession later = session(user.id(), now.plus(Duration.ofDays(1)));
        session(user.id(), now.minus(Duration.ofMinutes(1)));
        session(user.id(), now);
        session(other.id(), now.plus(Duration.ofDays(2)));

        assertThat(maintenance().sessionsOfUser(user.id(), now)).containsExactly(later, sooner);
        assertThat(maintenance().sessionsOfUser(other.id(), now))
                .singleElement()
                .extracting(AdapterSession::userId)
                .isEqualTo(other.id());
    }

    @Test
    void lists_nothing_for_a_user_id_with_a_trailing_space_or_an_unknown_one() {
        AdapterUser user = user("A");
        session(user.id(), now.plus(Duration.ofDays(1)));

        assertThat(maintenance().sessionsOfUser(user.id() + " ", now)).isEmpty();
        assertThat(maintenance().sessionsOfUser(UUID.randomUUID().toString(), now))
                .isEmpty();
        assertThat(maintenance().sessionsOfUser(null, now)).isEmpty();
    }

    @Test
    void lists_a_session_with_its_extra_fields() {
        AdapterUser user = user("A");
        AdapterSession stored = adapter()
                .createSession(new AdapterSession(
                        UUID.randomUUID().toString(),
                        user.id(),
                        now.plus(Duration.ofDays(1)),
                        Map.of("userAgent", "Firefox", "ipAddress", "192.0.2.1")));

        List<AdapterSession> listed = maintenance().sessionsOfUser(user.id(), now);

        assertThat(listed).containsExactly(stored);
        assertThat(listed.get(0).extras())
                .containsEntry("userAgent", "Firefox")
                .containsEntry("ipAddress", "192.0.2.1");
    }
}
