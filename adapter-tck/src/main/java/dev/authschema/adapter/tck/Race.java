package dev.authschema.adapter.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the same call on many threads that are released at the same instant, to make races between them as likely
 * as possible. The threads are kept between rounds so that repeating a race many times stays cheap.
 */
public final class Race implements AutoCloseable {

    private static final long ROUND_TIMEOUT_SECONDS = 60;

    private final int contenders;
    private final ExecutorService threads;

    /**
     * @param contenders how many threads race in each round
     */
    public Race(int contenders) {
        this.contenders = contenders;
        this.threads = Executors.newFixedThreadPool(contenders);
    }

    /**
     * Runs one round: every thread waits until all are ready, then all call {@code call} at once.
     *
     * @param call what each thread does
     * @param <T>  the call's result type
     * @return each thread's result
     * @throws AssertionError if a call throws or the round does not finish within a minute
     */
    public <T> List<T> run(Callable<T> call) {
        CountDownLatch ready = new CountDownLatch(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                start.await();
                return call.call();
            }));
        }
        try {
            if (!ready.await(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the racing threads did not start");
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a concurrent call did not finish within " + ROUND_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } finally {
            futures.forEach(future -> future.cancel(true));
        }
    }

    /** Stops the threads. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
