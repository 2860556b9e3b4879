package org.lectern.publishing.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.RecurrenceView;
import org.lectern.events.api.SessionView;

/** Feeds parsed back with ical4j: instants right in four zones across DST, a course as RRULE. */
class CourseAndZonesFeedTest {

    static final Instant CHANGED = Instant.parse("2025-08-01T12:00:00Z");
    static final URI PAGE = URI.create("https://events.example.org/events/x/schedule/");

    static EventView event(ZoneId zone, List<SessionView> sessions, RecurrenceView recurrence, List<MeetingView> meetings,
                           LocalDate start, LocalDate end) {
        return new EventView(UUID.fromString("00000000-0000-0000-0000-00000000000e"), "x", "X", null,
                recurrence == null ? "workshop" : "course", zone, start, end, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), recurrence, meetings, EventView.Status.PUBLISHED, 3, CHANGED,
                sessions);
    }

    static Calendar parse(byte[] feed) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(feed, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({
            // the same 10:00 local talk on both sides of each zone's DST change (Kolkata has none)
            "Europe/London, 2025-10-24, 2025-10-24T09:00:00Z, 2025-10-31, 2025-10-31T10:00:00Z",
            "America/Chicago, 2025-10-31, 2025-10-31T15:00:00Z, 2025-11-07, 2025-11-07T16:00:00Z",
            "Europe/Amsterdam, 2025-03-28, 2025-03-28T09:00:00Z, 2025-04-04, 2025-04-04T08:00:00Z",
            "Asia/Kolkata, 2025-03-28, 2025-03-28T04:30:00Z, 2025-04-04, 2025-04-04T04:30:00Z"})
    void itemsMeanTheRightInstantInTheirZoneAcrossDst(String zoneName, LocalDate before, Instant beforeUtc,
                                                      LocalDate after, Instant afterUtc) throws Exception {
        ZoneId zone = ZoneId.of(zoneName);
        List<SessionView> sessions = List.of(session(zone, before), session(zone, after));
        Calendar calendar = parse(CalendarFeed.forEvent(event(zone, sessions, null, List.of(), before, after),
                Map.of(), PAGE, "h"));
        List<VEvent> entries = calendar.getComponents(VEvent.VEVENT);
        assertEquals(2, entries.size());
        assertEquals(beforeUtc, Instant.from(entries.get(0).getDateTimeStart().getDate()));
        assertEquals(afterUtc, Instant.from(entries.get(1).getDateTimeStart().getDate()));
        List<VTimeZone> zones = calendar.getComponents(VTimeZone.VTIMEZONE);
        assertEquals(1, zones.size(), "one VTIMEZONE per TZID");
        assertEquals(zoneName, zones.get(0).getTimeZoneId().getValue());
    }

    /** Every zone the events module accepts gives a feed with that zone's VTIMEZONE, under its own name. */
    @Test
    void everyZoneAnEventMayBeInHasAVtimezone() throws Exception {
        java.util.Set<String> accepted = org.lectern.events.api.EventZones.all();
        assertTrue(accepted.size() > 500, "the IANA zones are accepted: " + accepted.size());
        LocalDate day = LocalDate.of(2031, 1, 1);
        for (String zoneName : accepted) {
            ZoneId zone = ZoneId.of(zoneName);
            byte[] feed = CalendarFeed.forEvent(event(zone, List.of(session(zone, day)), null, List.of(), day, day),
                    Map.of(), PAGE, "h");
            // read as text: parsing six hundred feeds back costs half a minute
            String text = new String(feed, StandardCharsets.UTF_8);
            assertTrue(text.contains("BEGIN:VTIMEZONE\r\n") && text.contains("\r\nTZID:" + zoneName + "\r\n")
                    && text.contains("DTSTART;TZID=" + zoneName + ":"), zoneName + "\n" + text);
        }
        for (String refused : List.of("SystemV/EST5", "SystemV/PST8PDT")) {
            assertTrue(!org.lectern.events.api.EventZones.accepted(refused), refused);
        }
    }

    static SessionView session(ZoneId zone, LocalDate date) {
        ZonedDateTime start = date.atTime(10, 0).atZone(zone);
        ItemView item = new ItemView(UUID.nameUUIDFromBytes(date.toString().getBytes()), "talk", "Talk on " + date,
                start, start.plusHours(1), false, List.of(), List.of(), false, null, null, null, false, 0, CHANGED, null);
        return new SessionView(UUID.randomUUID(), "S", "session", null, List.of(), start, start.plusHours(1), List.of(item));
    }

    @Test
    void theExampleCourseIsOneWeeklyRuleWithItsExceptions() throws Exception {
        ZoneId chicago = ZoneId.of("America/Chicago");
        LocalDate excluded = LocalDate.of(2025, 11, 28);
        LocalDate moved = LocalDate.of(2025, 10, 17);
        LocalDate cancelled = LocalDate.of(2025, 10, 10);
        RecurrenceView rhythm = new RecurrenceView(List.of(DayOfWeek.FRIDAY), LocalTime.of(15, 0), 75,
                LocalDate.of(2025, 8, 29), LocalDate.of(2025, 12, 5), List.of(excluded));
        List<MeetingView> meetings = new java.util.ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 8, 29); !d.isAfter(LocalDate.of(2025, 12, 5)); d = d.plusWeeks(1)) {
            if (d.equals(excluded)) {
                continue;
            }
            ZonedDateTime start = d.atTime(15, 0).atZone(chicago);
            if (d.equals(moved)) {
                ZonedDateTime thursday = start.minusDays(1);
                meetings.add(new MeetingView(d, thursday, thursday.plusMinutes(75), false, true, "Guest lecture", "guest-lecture",
                        null, List.of(), List.of(), 0, CHANGED));
            } else {
                meetings.add(new MeetingView(d, start, start.plusMinutes(75), d.equals(cancelled), d.equals(cancelled),
                        null, null, null, List.of(), List.of(), 0, CHANGED));
            }
        }
        byte[] feed = CalendarFeed.forEvent(event(chicago, List.of(), rhythm, meetings, LocalDate.of(2025, 8, 25),
                LocalDate.of(2025, 12, 5)), Map.of(), PAGE, "h");
        String text = new String(feed, StandardCharsets.UTF_8);
        assertTrue(text.contains("RRULE:FREQ=WEEKLY;UNTIL=20251205T210000Z;BYDAY=FR"), text);
        assertTrue(text.contains("EXDATE;TZID=America/Chicago:20251128T150000"), text);
        assertTrue(text.contains("RECURRENCE-ID;TZID=America/Chicago:20251017T150000"), text);

        Calendar calendar = parse(feed);
        List<VEvent> entries = calendar.getComponents(VEvent.VEVENT);
        VEvent master = entries.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst().orElseThrow();
        ZonedDateTime from = ZonedDateTime.of(2025, 8, 1, 0, 0, 0, 0, chicago);
        Set<Period<Temporal>> occurrences = master.calculateRecurrenceSet(new Period<>(from, from.plusMonths(6)));
        Set<LocalDate> dates = occurrences.stream()
                .map(p -> ZonedDateTime.from(p.getStart()).withZoneSameInstant(chicago).toLocalDate())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(14, dates.size(), "15 Fridays from 29 August to 5 December, less one excluded: " + dates);
        assertTrue(dates.stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY));
        assertTrue(!dates.contains(excluded));
        // 15:00 local on both sides of the DST change
        assertTrue(occurrences.stream().allMatch(p -> ZonedDateTime.from(p.getStart()).withZoneSameInstant(chicago)
                .toLocalTime().equals(LocalTime.of(15, 0))));

        List<VEvent> overrides = entries.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).toList();
        assertEquals(2, overrides.size(), "the moved and the cancelled meeting");
        VEvent cancelledMeeting = override(overrides, "20251010T150000");
        assertEquals("CANCELLED", value(cancelledMeeting, "STATUS"), "the cancelled meeting's own entry");
        VEvent movedMeeting = override(overrides, "20251017T150000");
        assertEquals("CONFIRMED", value(movedMeeting, "STATUS"));
        assertEquals("20251016T150000", value(movedMeeting, "DTSTART"), "the moved meeting starts on the Thursday");
        assertEquals("America/Chicago", movedMeeting.getProperty("DTSTART").orElseThrow().getParameter("TZID")
                .orElseThrow().getValue());
        assertEquals("CONFIRMED", value(master, "STATUS"), "the rule itself is not cancelled");
    }

    @Test
    void aCancelledItemIsCancelledInItsOwnEntryOnly() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate day = LocalDate.of(2026, 6, 24);
        ZonedDateTime start = day.atTime(10, 0).atZone(zone);
        ItemView kept = new ItemView(UUID.randomUUID(), "talk", "Kept talk", start, start.plusHours(1), false, List.of(),
                List.of(), false, null, null, null, false, 0, CHANGED, null);
        ItemView cancelled = new ItemView(UUID.randomUUID(), "talk", "Cancelled talk", start.plusHours(1), start.plusHours(2),
                false, List.of(), List.of(), false, null, null, null, true, 1, CHANGED, null);
        SessionView session = new SessionView(UUID.randomUUID(), "S", "session", null, List.of(), start, start.plusHours(2),
                List.of(kept, cancelled));
        Calendar calendar = parse(CalendarFeed.forEvent(event(zone, List.of(session), null, List.of(), day, day),
                Map.of(), PAGE, "h"));
        Map<String, String> statusByTitle = calendar.<VEvent>getComponents(VEvent.VEVENT).stream()
                .collect(Collectors.toMap(e -> value(e, "SUMMARY"), e -> value(e, "STATUS")));
        assertEquals(Map.of("Kept talk", "CONFIRMED", "Cancelled talk", "CANCELLED"), statusByTitle);
    }

    private static VEvent override(List<VEvent> overrides, String recurrenceId) {
        return overrides.stream().filter(e -> recurrenceId.equals(value(e, "RECURRENCE-ID"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for the meeting of " + recurrenceId));
    }

    private static String value(VEvent entry, String property) {
        return entry.getProperty(property).map(p -> p.getValue()).orElse(null);
    }
}
