package com.example.planetscale;

import jakarta.annotation.Generated;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Stores an {@link Instant} as its UTC date and time, to the millisecond, in a {@code TIMESTAMP} column.
 * The persistence provider must write and read that wall-clock time as it is, never through the JVM's
 * time zone: with EclipseLink, name the runtime's {@code dev.authschema.jpa.eclipselink.Utc*Platform} for
 * the database as {@code eclipselink.target-database}.
 */
@Generated("dev.authschema.codegen")
@Converter
public class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {
    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
