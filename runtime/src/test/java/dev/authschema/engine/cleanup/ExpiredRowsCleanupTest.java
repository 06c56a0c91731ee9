package dev.authschema.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpiredRowsCleanupTest {

    /** Operators and cluster-it's ConcurrentCleanupIT read the counts from this line. */
    @Test
    void a_pass_reports_both_counts_and_its_duration() {
        assertThat(ExpiredRowsCleanup.passMessage(new ExpiredRowsSweeper.Swept(120, 7), 35))
                .isEqualTo("[auth] clean-up deleted 120 expired sessions and 7 expired verification tokens in 35 ms");
    }
}
