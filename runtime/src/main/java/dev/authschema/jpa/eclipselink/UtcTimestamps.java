package dev.authschema.jpa.eclipselink;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * What the {@code Utc*Platform} classes do for {@code TIMESTAMP} columns: a {@link LocalDateTime} is written and read
 * as the wall-clock time it names, through a UTC calendar, never through the JVM's default time zone.
 *
 * <p>EclipseLink 4 binds a {@code LocalDateTime} as {@code Timestamp.valueOf(value)}, which reads the value in the
 * JVM's zone: in a zone with daylight saving time, a wall-clock time that falls in the zone's spring gap (such as
 * 02:30 on 10 March 2024 in America/Los_Angeles) does not exist and comes out an hour later. Reading goes the same way
 * back. The generated entities store each instant as its UTC wall-clock time, so every such instant shifted.
 * JDBC drivers render and parse a {@code Timestamp} in the zone of the calendar they are given, and UTC has no gaps.
 */
final class UtcTimestamps {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    private UtcTimestamps() {}

    /** Binds {@code parameter} if it is a {@code LocalDateTime}; returns whether it did. */
    static boolean bind(Object parameter, PreparedStatement statement, int index) throws SQLException {
        if (parameter instanceof LocalDateTime wallClock) {
            statement.setTimestamp(index, Timestamp.from(wallClock.toInstant(ZoneOffset.UTC)), utcCalendar());
            return true;
        }
        return false;
    }

    /** Whether a result column of this JDBC type holds a wall-clock time that {@link #read} reads. */
    static boolean isWallClock(int jdbcType) {
        return jdbcType == Types.TIMESTAMP;
    }

    /** The wall-clock time in a {@code TIMESTAMP} column, or null. */
    static LocalDateTime read(ResultSet resultSet, int column) throws SQLException {
        Timestamp value = resultSet.getTimestamp(column, utcCalendar());
        return value == null ? null : LocalDateTime.ofInstant(value.toInstant(), ZoneOffset.UTC);
    }

    /** A calendar per call: drivers set fields on the one they are given, so it cannot be shared between threads. */
    private static Calendar utcCalendar() {
        return Calendar.getInstance(UTC, Locale.ROOT);
    }
}
