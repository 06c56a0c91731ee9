package dev.authschema.engine.cleanup;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Deletes expired sessions and verification tokens (and expired rate-limit windows, with an adapter that stores
 * them) every {@link AuthConfig#cleanupInterval()} (one hour by default,
 * {@code AUTH_CLEANUP_INTERVAL}) on the server's default {@code ManagedScheduledExecutorService}, first
 * {@link AuthConfig#cleanupFirstDelay()} after the start (by default a random 1 to 10 minutes,
 * {@code AUTH_CLEANUP_FIRST_DELAY}). Each interval gets up to a tenth more at random so that several servers drift
 * apart; running together is harmless (each expired row is deleted by exactly one of them), just wasteful. A pass
 * that deleted rows logs the counts at INFO. Needs an adapter implementing {@link AdapterMaintenance} and, on Open
 * Liberty, the {@code concurrent-3.0} feature; without either it logs once and stays off (sessions are still deleted
 * when read after expiry).
 */
@ApplicationScoped
public class ExpiredRowsCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredRowsCleanup.class.getName());
    private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Duration RANDOM_FIRST_DELAY_MIN = Duration.ofMinutes(1);
    private static final Duration RANDOM_FIRST_DELAY_MAX = Duration.ofMinutes(10);
    private static final int BATCH_SIZE = 500;
    private static final int MAX_BATCHES = 100;

    @Inject
    AuthEngine engine;

    private ManagedScheduledExecutorService executor;
    private ExpiredRowsSweeper sweeper;
    private Duration interval;
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * Starts the clean-up when the web application starts (the start-up event whose payload is its
     * {@code ServletContext}; where the container fires it only without one, Payara, the runtime's
     * {@code StartupCheckListener} calls {@link #start()}). Not on the event without one: Payara fires it before the
     * web module's {@code java:comp/env} is bound, too early for the generated adapter's entity manager.
     *
     * @param context the web application's context
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        start();
    }

    /** Schedules the first pass, unless the clean-up has started already. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Object adapter = engine.config().adapter().orElse(null);
        if (!(adapter instanceof AdapterMaintenance maintenance)) {
            LOG.info(() -> "[auth] periodic clean-up is off: "
                    + (adapter == null
                            ? "no adapter"
                            : adapter.getClass().getName() + " does not implement "
                                    + AdapterMaintenance.class.getName()));
            return;
        }
        try {
            executor = (ManagedScheduledExecutorService) new InitialContext().lookup(EXECUTOR);
        } catch (NamingException | ClassCastException e) {
            LOG.warning(() -> "[auth] periodic clean-up is off: no " + EXECUTOR + " (Open Liberty: enable the"
                    + " concurrent-3.0 feature)");
            return;
        }
        AuthConfig config = engine.config();
        AuthAdapter rateLimits =
                adapter instanceof AuthAdapter store && store.capabilities().contains(AdapterCapability.RATE_LIMITS)
                        ? store
                        : null;
        sweeper = new ExpiredRowsSweeper(
                maintenance, config.clock(), BATCH_SIZE, MAX_BATCHES, rateLimits, rateLimitRetention(config));
        interval = config.cleanupInterval();
        Duration first = config.cleanupFirstDelay()
                .orElseGet(() -> Duration.ofMillis(ThreadLocalRandom.current()
                        .nextLong(RANDOM_FIRST_DELAY_MIN.toMillis(), RANDOM_FIRST_DELAY_MAX.toMillis() + 1)));
        LOG.info(() -> "[auth] periodic clean-up of expired rows every " + interval + ", first pass in " + first);
        scheduleNext(first);
    }

    /**
     * @param config the configuration
     * @return how long a rate-limit row must be kept: the longest rate-limit window, or longer where a row holds
     *         something else: a mailed code's attempt budget, for the code's lifetime (deleting it early would give a
     *         guesser a fresh budget for the same code); with a passkey provider, a used challenge's mark, for twice
     *         a challenge's longest lifetime (or the challenge could be used twice)
     */
    static Duration rateLimitRetention(AuthConfig config) {
        Duration longest = config.rateLimits().longestWindow();
        for (ProviderConfig provider : config.providers()) {
            if (provider instanceof PasskeyProviderConfig) {
                Duration usedChallenges = PasskeyProviderConfig.MAX_CHALLENGE_MAX_AGE.multipliedBy(2);
                if (usedChallenges.compareTo(longest) > 0) {
                    longest = usedChallenges;
                }
            }
            if (provider instanceof EmailProviderConfig email
                    && email.mailsCodes()
                    && email.maxAge().compareTo(longest) > 0) {
                longest = email.maxAge();
            }
        }
        return longest;
    }

    private void scheduleNext(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The application is stopping; the executor takes no more tasks.
            LOG.fine("[auth] clean-up not rescheduled: the executor is shutting down");
        }
    }

    private void runOnce() {
        try {
            long started = System.nanoTime();
            ExpiredRowsSweeper.Swept swept = sweeper.sweep();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.log(
                    swept.sessions() + swept.verificationTokens() + swept.rateLimits() > 0 ? Level.INFO : Level.FINE,
                    () -> passMessage(swept, millis));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "[auth] clean-up pass failed; retrying next interval", e);
        } finally {
            scheduleNext(interval.plusMillis(ThreadLocalRandom.current().nextLong(interval.toMillis() / 10 + 1)));
        }
    }

    /**
     * The line a pass logs; operators (and the cluster tests) read the counts from it.
     *
     * @param swept  what the pass deleted
     * @param millis how long it took
     * @return the message
     */
    static String passMessage(ExpiredRowsSweeper.Swept swept, long millis) {
        return "[auth] clean-up deleted " + swept.sessions() + " expired sessions and " + swept.verificationTokens()
                + " expired verification tokens in " + millis + " ms"
                + (swept.rateLimits() > 0 ? ", and " + swept.rateLimits() + " expired rate-limit windows" : "");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
