package dev.authschema.engineit.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's clock in this test app: the system clock plus an offset that {@link ClockServlet} moves forward, so
 * the tests can let sessions, links and JWTs age by days in milliseconds. Only forward: earlier sessions must never
 * look younger than they are. One per deployment (each has its own class loader).
 */
public final class MovableClock extends Clock {

    /** The clock the app's {@code AuthConfig} uses. */
    public static final MovableClock INSTANCE = new MovableClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private MovableClock() {}

    /**
     * @param by how far to move the clock; must not be negative
     * @return the new current time
     */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.updateAndGet(current -> current.plus(by));
        return instant();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}
