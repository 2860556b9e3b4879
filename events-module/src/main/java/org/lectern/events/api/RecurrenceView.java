package org.lectern.events.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A course's weekly meetings: on these weekdays at this local time, from first to last date. */
public record RecurrenceView(
        List<DayOfWeek> weekdays,
        LocalTime startTime,
        int durationMinutes,
        LocalDate firstDate,
        LocalDate lastDate,
        List<LocalDate> excludedDates) {

    public RecurrenceView {
        weekdays = List.copyOf(weekdays);
        excludedDates = List.copyOf(excludedDates);
    }
}
