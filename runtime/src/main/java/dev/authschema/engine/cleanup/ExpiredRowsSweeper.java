package dev.authschema.engine.cleanup;

import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AuthAdapter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One clean-up pass: deletes expired sessions and verification tokens (and, with a rate-limit store, rate-limit
 * windows older than the longest configured window) in batches until none are left or the pass's
 * batch budget is spent. Safe to run on several servers at once: each DELETE of expired rows is idempotent.
 */
public final class ExpiredRowsSweeper {

    /**
     * What a pass deleted.
     *
     * @param sessions           expired sessions deleted
     * @param verificationTokens expired verification tokens deleted
     * @param rateLimits         expired rate-limit windows deleted
     */
    public record Swept(int sessions, int verificationTokens, int rateLimits) {

        /**
         * @param sessions           expired sessions deleted
         * @param verificationTokens expired verification tokens deleted
         */
        public Swept(int sessions, int verificationTokens) {
            this(sessions, verificationTokens, 0);
        }
    }

    private final AdapterMaintenance maintenance;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatches;
    private final AuthAdapter rateLimitStore;
    private final Duration rateLimitWindow;

    /**
     * @param maintenance the adapter's bulk deletes
     * @param clock       the clock
     * @param batchSize   rows per DELETE, keeping each transaction short
     * @param maxBatches  batches per kind and pass, bounding one pass's work
     */
    public ExpiredRowsSweeper(AdapterMaintenance maintenance, Clock clock, int batchSize, int maxBatches) {
        this(maintenance, clock, batchSize, maxBatches, null, null);
    }

    /**
     * @param maintenance     the adapter's bulk deletes
     * @param clock           the clock
     * @param batchSize       rows per DELETE, keeping each transaction short
     * @param maxBatches      batches per kind and pass, bounding one pass's work
     * @param rateLimitStore  an adapter with the {@code RATE_LIMITS} capability, or {@code null} for none
     * @param longestWindow   the longest rate-limit window: rows whose window started before now minus this are
     *                        expired for every rule; {@code null} without a store
     */
    public ExpiredRowsSweeper(
            AdapterMaintenance maintenance,
            Clock clock,
            int batchSize,
            int maxBatches,
            AuthAdapter rateLimitStore,
            Duration longestWindow) {
        this.rateLimitStore = rateLimitStore;
        this.rateLimitWindow = longestWindow;
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
        int rateLimits = 0;
        if (rateLimitStore != null) {
            Instant before = now.minus(rateLimitWindow);
            for (int batch = 0; batch < maxBatches; batch++) {
                int deleted = rateLimitStore.deleteRateLimitsBefore(before, batchSize);
                rateLimits += deleted;
                if (deleted < batchSize) {
                    break;
                }
            }
        }
        return new Swept(sessions, tokens, rateLimits);
    }
}
