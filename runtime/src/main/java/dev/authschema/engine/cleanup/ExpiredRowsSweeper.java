package dev.authschema.engine.cleanup;

import dev.authschema.adapter.AdapterMaintenance;
import java.time.Clock;
import java.time.Instant;

/**
 * One clean-up pass: deletes expired sessions and verification tokens in batches until none are left or the pass's
 * batch budget is spent. Safe to run on several servers at once: each DELETE of expired rows is idempotent.
 */
public final class ExpiredRowsSweeper {

    /**
     * What a pass deleted.
     *
     * @param sessions           expired sessions deleted
     * @param verificationTokens expired verification tokens deleted
     */
    public record Swept(int sessions, int verificationTokens) {
    }

    private final AdapterMaintenance maintenance;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatches;

    /**
     * @param maintenance the adapter's bulk deletes
     * @param clock       the clock
     * @param batchSize   rows per DELETE, keeping each transaction short
     * @param maxBatches  batches per kind and pass, bounding one pass's work
     */
    public ExpiredRowsSweeper(AdapterMaintenance maintenance, Clock clock, int batchSize, int maxBatches) {
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batchSize and maxBatches must be at least 1");
        }
        this.maintenance = maintenance;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /**
     * @return what this pass deleted
     */
    public Swept sweep() {
        Instant now = clock.instant();
        int sessions = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = maintenance.deleteExpiredSessions(now, batchSize);
            sessions += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        int tokens = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = maintenance.deleteExpiredVerificationTokens(now, batchSize);
            tokens += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return new Swept(sessions, tokens);
    }
}
