package org.lectern.app.access;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Instants as UTC TIMESTAMP columns, as each module maps its own (JPA 3.1 has no Instant mapping;
 * EclipseLink would store a BLOB, which can be neither sorted nor compared).
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
