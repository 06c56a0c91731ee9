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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clean-up and "sign out everywhere else" operations of a generated adapter, on Derby. */
class GeneratedAdapterMaintenanceTest {

    private static GeneratedAdapterHarness harness;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void start() {
        harness = GeneratedAdapterHarness.start(
                Samples.CUSTOM.schema(), Samples.CUSTOM.packageName, TestDatabase.Kind.DERBY);
    }

    @AfterAll
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
}
