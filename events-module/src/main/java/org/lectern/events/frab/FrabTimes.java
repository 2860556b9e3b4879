package org.lectern.events.frab;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses frab's dates, clock times and durations; every failure names the text and where it was. */
final class FrabTimes {

    // frab writes HH:mm, the merged CCC files H:mm, FOSDEM's pentabarf HH:mm:ss. A three-part value is
    // always read as hours, minutes, seconds: "D:HH:mm" cannot be told apart from it and no file uses it.
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):([0-5]\\d)(?::([0-5]\\d))?");
    private static final String CLOCK_FORMATS = "HH:mm, H:mm or HH:mm:ss";

    private FrabTimes() {
    }

    static Duration duration(String text, String where) {
        Matcher clock = CLOCK.matcher(text);
        if (!clock.matches()) {
            throw bad("duration", text, where, CLOCK_FORMATS);
        }
        return Duration.ofHours(Integer.parseInt(clock.group(1)))
                .plusMinutes(Integer.parseInt(clock.group(2)))
                .plusSeconds(clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)));
    }

    static LocalTime timeOfDay(String text, String where) {
        Matcher clock = CLOCK.matcher(text);
        try {
            if (clock.matches()) {
                return LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)),
                        clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)));
            }
        } catch (DateTimeException e) {
            // an hour such as 25: reported below like any other garbage
        }
        throw bad("start time", text, where, CLOCK_FORMATS);
    }

    /** A calendar date; a date-time is tolerated and its date taken. */
    static LocalDate date(String text, String what, String where) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notPlainDate) {
            try {
                return DateTimeFormatter.ISO_DATE_TIME.parse(text, LocalDate::from);
            } catch (DateTimeParseException e) {
                throw bad(what, text, where, "yyyy-MM-dd");
            }
        }
    }

    /** An ISO-8601 date-time; one without an offset is taken to be in {@code zone}. */
    static OffsetDateTime dateTime(String text, ZoneId zone, String what, String where) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw bad(what, text, where, "an ISO-8601 date-time such as 2019-12-27T11:00:00+01:00");
            }
        }
    }

    private static FrabFormatException bad(String what, String text, String where, String expected) {
        return new FrabFormatException("bad " + what + " \"" + text + "\" in " + where + ": expected " + expected);
    }
}
