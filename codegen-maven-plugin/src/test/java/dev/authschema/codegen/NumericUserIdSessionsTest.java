package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sessionsOfUser} of a generated adapter whose user ids are numbers ({@code Int @default(autoincrement())}, the
 * NextAuth v3 schema): the contract's string id is parsed, and a string that is no number lists nothing.
 */
class NumericUserIdSessionsTest {

    private static GeneratedAdapterHarness harness;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void start() {
        harness = GeneratedAdapterHarness.start(
                Samples.V3_LEGACY.schema(), Samples.V3_LEGACY.packageName, TestDatabase.Kind.DERBY);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void lists_the_sessions_of_a_numeric_id_and_nothing_for_an_id_that_is_no_number() {
        AuthAdapter adapter = harness.adapter();
        AdapterMaintenance maintenance = (AdapterMaintenance) adapter;
        AdapterUser user =
                adapter.createUser(AdapterUser.of(null, "A", "a-" + UUID.randomUUID() + "@example.com", null, null));
        AdapterSession live = adapter.createSession(
                AdapterSession.of(UUID.randomUUID().toString(), user.id(), now.plus(Duration.ofDays(1))));
        adapter.createSession(
                AdapterSession.of(UUID.randomUUID().toString(), user.id(), now.minus(Duration.ofDays(1))));

        assertThat(user.id()).containsOnlyDigits();
        assertThat(maintenance.sessionsOfUser(user.id(), now)).containsExactly(live);
        assertThat(maintenance.sessionsOfUser(user.id() + "x", now)).isEmpty();
        assertThat(maintenance.sessionsOfUser("not-a-number", now)).isEmpty();
        assertThat(maintenance.sessionsOfUser(null, now)).isEmpty();
    }
}
