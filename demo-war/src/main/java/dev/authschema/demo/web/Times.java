package dev.authschema.demo.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats times for pages, in UTC so that every server shows the same. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Times() {}

    /**
     * @param instant a time, or {@code null}
     * @return it for people, or an empty string
     */
    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
