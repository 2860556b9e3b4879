package org.lectern.people.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

    @Test
    void anInstantSurvivesTheRoundTripWhateverTheServersZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Chicago"));
            UtcTimestamps converter = new UtcTimestamps();
            // the hour that happens twice when Chicago leaves daylight saving time
            Instant ambiguous = Instant.parse("2025-11-02T06:30:00.123456Z");
            LocalDateTime column = converter.convertToDatabaseColumn(ambiguous);
            assertEquals(LocalDateTime.parse("2025-11-02T06:30:00.123456"), column);
            assertEquals(ambiguous, converter.convertToEntityAttribute(column));
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
