package org.lectern.events.program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an {@link Instant} as a UTC TIMESTAMP column. JPA 3.1 has no Instant mapping (EclipseLink
 * would serialize it into a BLOB); a LocalDateTime in UTC is portable and never shifted by the
 * server's time zone.
 */
@Converter(autoApply = true)
public class UtcTimestamps implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
