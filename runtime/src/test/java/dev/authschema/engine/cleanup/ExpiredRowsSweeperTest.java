package dev.authschema.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiredRowsSweeperTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void deletes_only_expired_rows_in_batches_until_none_are_left() {
        InMemoryAdapter adapter = new InMemoryAdapter();
        for (int i = 0; i < 25; i++) {
            adapter.sessions.put("old" + i, AdapterSession.of("old" + i, "u", NOW.minusSeconds(1 + i)));
            adapter.tokens.put("t" + i, new VerificationToken("a@b.c", "t" + i, NOW.minusSeconds(5)));
        }
        adapter.sessions.put("live", AdapterSession.of("live", "u", NOW.plus(Duration.ofDays(1))));

        ExpiredRowsSweeper.Swept swept = new ExpiredRowsSweeper(adapter, new MutableClock(NOW), 10, 100).sweep();

        assertThat(swept).isEqualTo(new ExpiredRowsSweeper.Swept(25, 25));
        assertThat(adapter.sessions).containsOnlyKeys("live");
        assertThat(adapter.tokens).isEmpty();
    }

    @Test
    void a_pass_is_bounded_by_its_batch_budget() {
        InMemoryAdapter adapter = new InMemoryAdapter();
        for (int i = 0; i < 50; i++) {
            adapter.sessions.put("old" + i, AdapterSession.of("old" + i, "u", NOW.minusSeconds(1)));
        }

        assertThat(new ExpiredRowsSweeper(adapter, new MutableClock(NOW), 10, 2).sweep().sessions()).isEqualTo(20);
        assertThat(adapter.sessions).hasSize(30);
    }
}
