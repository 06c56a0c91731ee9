package dev.authschema.engine.cleanup;

import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.engine.AuthEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Deletes expired sessions and verification tokens about once an hour on the server's default
 * {@code ManagedScheduledExecutorService}, with random jitter so that several servers do not all run at the same
 * moment (running together is harmless, just wasteful). Needs an adapter implementing {@link AdapterMaintenance}
 * and, on Open Liberty, the {@code concurrent-3.0} feature; without either it logs once and stays off (sessions are
 * still deleted when read after expiry).
 */
@ApplicationScoped
public class ExpiredRowsCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredRowsCleanup.class.getName());
    private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final int BATCH_SIZE = 500;
    private static final int MAX_BATCHES = 100;

    @Inject
    AuthEngine engine;

    private ManagedScheduledExecutorService executor;
    private ExpiredRowsSweeper sweeper;
    private volatile ScheduledFuture<?> next;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Object adapter = engine.config().adapter().orElse(null);
        if (!(adapter instanceof AdapterMaintenance maintenance)) {
            LOG.info(() -> "[auth] periodic clean-up is off: " + (adapter == null ? "no adapter"
                    : adapter.getClass().getName() + " does not implement " + AdapterMaintenance.class.getName()));
            return;
        }
        try {
            executor = (ManagedScheduledExecutorService) new InitialContext().lookup(EXECUTOR);
        } catch (NamingException | ClassCastException e) {
            LOG.warning(() -> "[auth] periodic clean-up is off: no " + EXECUTOR + " (Open Liberty: enable the"
                    + " concurrent-3.0 feature)");
            return;
        }
        sweeper = new ExpiredRowsSweeper(maintenance, engine.config().clock(), BATCH_SIZE, MAX_BATCHES);
        scheduleNext(ThreadLocalRandom.current().nextLong(60, 600));
    }

    private void scheduleNext(long delaySeconds) {
        next = executor.schedule(this::runOnce, delaySeconds, TimeUnit.SECONDS);
    }

    private void runOnce() {
        try {
            ExpiredRowsSweeper.Swept swept = sweeper.sweep();
            LOG.fine(() -> "[auth] clean-up deleted " + swept.sessions() + " sessions and "
                    + swept.verificationTokens() + " verification tokens");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "[auth] clean-up pass failed; retrying next interval", e);
        } finally {
            long jitter = ThreadLocalRandom.current().nextLong(INTERVAL.toSeconds() / 10 + 1);
            scheduleNext(INTERVAL.toSeconds() + jitter);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
