package dev.authschema.adapter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Millisecond truncation in one place, so that every record and patch agrees on the precision the engine keeps. */
final class Timestamps {

    private Timestamps() {}

    static Instant toMillis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
