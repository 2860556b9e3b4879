package org.lectern.events.frab;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A schedule day as found in the file, texts unparsed until a talk needs them.
 *
 * @param date  the day's date (yyyy-MM-dd), or null
 * @param start when the day begins (ISO date-time), or null
 * @param end   when the day ends (ISO date-time), or null
 * @param where where the day is, for messages
 */
record DayDraft(String date, String start, String end, String where) {

    /** When a talk that only has a clock time starts on this day, in {@code zone}. */
    OffsetDateTime startOf(LocalTime time, ZoneId zone, String talkWhere) {
        if (date == null) {
            throw new FrabFormatException(talkWhere + " has no date, and its day has no date either");
        }
        ZonedDateTime start = FrabTimes.date(date, "day date", where).atTime(time).atZone(zone);
        return pastMidnight(start).toOffsetDateTime();
    }

    /**
     * frab days run past midnight (a congress day ends at 04:00), so a talk at 01:00 on the day dated
     * 2019-12-27 takes place on the 28th; wafer even dates its days in UTC. The day's start and end
     * tell: the talk goes on whichever calendar date puts it nearer to the day's span. Merged files
     * have talks shortly before their day's official start; those stay on the day's date.
     */
    private ZonedDateTime pastMidnight(ZonedDateTime talk) {
        Instant begins = instantOrNull(start);
        Instant ends = instantOrNull(end);
        if (begins == null || ends == null || !talk.toInstant().isBefore(begins)) {
            return talk;
        }
        ZonedDateTime nextDay = talk.plusDays(1);
        Duration early = Duration.between(talk.toInstant(), begins);
        Duration late = nextDay.toInstant().isAfter(ends) ? Duration.between(ends, nextDay.toInstant()) : Duration.ZERO;
        return late.compareTo(early) < 0 ? nextDay : talk;
    }

    // The day's bounds are only a hint for talks without their own date; a bad one is not worth
    // refusing the whole schedule for, so it is ignored.
    private static Instant instantOrNull(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
