package org.lectern.events.program;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.lectern.events.api.RecurrenceView;

/**
 * A course's weekly rhythm: weekdays, local start time, duration, first and last date. Excluded
 * dates are kept by the event (their own table). Times are local: a 15:00 meeting stays at 15:00
 * when daylight saving time ends.
 */
@Embeddable
public class Recurrence {

    @Column(name = "RECUR_WEEKDAYS", length = 70)
    private String weekdays;

    @Column(name = "RECUR_START_TIME")
    private LocalTime startTime;

    @Column(name = "RECUR_MINUTES")
    private Integer durationMinutes;

    @Column(name = "RECUR_FIRST")
    private LocalDate firstDate;

    @Column(name = "RECUR_LAST")
    private LocalDate lastDate;

    protected Recurrence() {
    }

    Recurrence(DetailInputs.RecurrenceInput input) {
        if (input.lastDate().isBefore(input.firstDate())) {
            throw new ProgramRuleViolation("lastDate", "must not be before firstDate");
        }
        this.weekdays = String.join(",", input.weekdays().stream().distinct().sorted().map(DayOfWeek::name).toList());
        this.startTime = input.startTime();
        this.durationMinutes = input.durationMinutes();
        this.firstDate = input.firstDate();
        this.lastDate = input.lastDate();
    }

    boolean isSet() {
        return weekdays != null && !weekdays.isBlank();
    }

    List<DayOfWeek> weekdays() {
        return Arrays.stream(weekdays.split(",")).map(DayOfWeek::valueOf).toList();
    }

    LocalDate firstDate() {
        return firstDate;
    }

    LocalDate lastDate() {
        return lastDate;
    }

    /** Every date the rhythm gives, in order, less the excluded ones. */
    List<LocalDate> dates(Set<LocalDate> excluded) {
        List<DayOfWeek> days = weekdays();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = firstDate; !d.isAfter(lastDate); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek()) && !excluded.contains(d)) {
                dates.add(d);
            }
        }
        return dates;
    }

    LocalDateTime start(LocalDate date) {
        return date.atTime(startTime);
    }

    LocalDateTime end(LocalDate date) {
        return start(date).plusMinutes(durationMinutes);
    }

    RecurrenceView view(List<LocalDate> excluded) {
        return new RecurrenceView(weekdays(), startTime, durationMinutes, firstDate, lastDate, excluded);
    }
}
