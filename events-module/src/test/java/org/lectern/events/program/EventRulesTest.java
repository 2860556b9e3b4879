package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;

/** The event's rules, on the aggregate itself: each violation names its field and changes nothing. */
class EventRulesTest {

    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    static final LocalDate DAY1 = LocalDate.of(2024, 5, 16);

    static EventInput workshop(String zone, LocalDate start, LocalDate end) {
        return EventInput.of("effgenai-2024", "Efficient GenAI", "workshop", zone, start, end, null);
    }

    static Event event() {
        return new Event(workshop("Europe/London", DAY1, DAY1.plusDays(1)), NOW);
    }

    static LocalDateTime at(int day, int hour, int minute) {
        return DAY1.plusDays(day).atTime(hour, minute);
    }

    static SessionInput.ItemInput talk(String title, LocalDateTime start, LocalDateTime end, UUID... speakers) {
        return SessionInput.ItemInput.at(null, "talk", title, start, end, List.of(speakers));
    }

    static SessionInput.ItemInput step(String kind, String title, int minutes) {
        return new SessionInput.ItemInput(null, kind, title, null, null, minutes, null, null, null, null, null, false, false, null);
    }

    static SessionInput session(String room, LocalDateTime start, LocalDateTime end, SessionInput.ItemInput... items) {
        return SessionInput.of("Session", room, start, end, List.of(items));
    }

    static void violates(String field, Executable change) {
        ProgramRuleViolation violation = assertThrows(ProgramRuleViolation.class, change::execute);
        assertEquals(field, violation.field(), violation.getMessage());
    }

    interface Executable {
        void execute();
    }

    @Test
    void theLastDayIsNotBeforeTheFirst() {
        violates("endDate", () -> new Event(workshop("Europe/London", DAY1, DAY1.minusDays(1)), NOW));
    }

    @Test
    void theZoneIsANamedIanaZone() {
        violates("timeZone", () -> new Event(workshop("Mars/Olympus", DAY1, DAY1), NOW));
        violates("timeZone", () -> new Event(workshop("+02:00", DAY1, DAY1), NOW));
        violates("timeZone", () -> new Event(workshop("CST", DAY1, DAY1), NOW));
        // in the JDK's list, but no calendar library can define them: a feed in one could not be written
        violates("timeZone", () -> new Event(workshop("SystemV/EST5", DAY1, DAY1), NOW));
        violates("timeZone", () -> new Event(workshop("SystemV/PST8PDT", DAY1, DAY1), NOW));
        assertEquals("Etc/GMT+2", new Event(workshop("Etc/GMT+2", DAY1, DAY1), NOW).view().zone().getId());
        // years a feed cannot write, or no calendar shows
        violates("startDate", () -> new Event(workshop("UTC", java.time.LocalDate.of(-1, 1, 1), DAY1), NOW));
        violates("endDate", () -> new Event(workshop("UTC", DAY1, java.time.LocalDate.of(10000, 1, 1)), NOW));
        assertEquals("Asia/Kolkata", new Event(workshop("Asia/Kolkata", DAY1, DAY1), NOW).view().zone().getId());
    }

    @Test
    void kindsAreFromTheirLists() {
        violates("kind", () -> new Event(EventInput.of("x", "X", "party", "Europe/London", DAY1, DAY1, null), NOW));
        violates("items[0].kind", () -> event().addSession(session(null, at(0, 9, 0), at(0, 10, 0),
                SessionInput.ItemInput.at(null, "karaoke", "K", at(0, 9, 0), at(0, 10, 0), null)), NOW));
        assertEquals("invited-talk", event().addSession(session(null, at(0, 9, 0), at(0, 10, 0),
                SessionInput.ItemInput.at(null, "Invited Talk", "K", at(0, 9, 0), at(0, 10, 0), null)), NOW)
                .view(java.time.ZoneId.of("Europe/London")).items().get(0).kind());
    }

    @Test
    void aSessionEndsAfterItStartsAndLiesWithinTheEventsDays() {
        Event event = event();
        violates("end", () -> event.addSession(session(null, at(0, 10, 0), at(0, 10, 0)), NOW));
        violates("start", () -> event.addSession(session(null, at(-1, 10, 0), at(-1, 11, 0)), NOW));
        violates("start", () -> event.addSession(session(null, at(2, 10, 0), at(2, 11, 0)), NOW));
        violates("end", () -> event.addSession(session(null, at(1, 22, 0), at(2, 9, 0)), NOW));
        // a late session may run past midnight of the last day
        event.addSession(session(null, at(1, 22, 0), at(2, 1, 0)), NOW);
        assertEquals(1, event.view().sessions().size());
    }

    @Test
    void itemsLieWithinTheirSession() {
        violates("items[1].start", () -> event().addSession(session(null, at(0, 10, 20), at(0, 11, 40),
                talk("A", at(0, 10, 20), at(0, 11, 0)), talk("B", at(0, 11, 0), at(0, 11, 50))), NOW));
        violates("items[0].end", () -> event().addSession(session(null, at(0, 10, 20), at(0, 11, 40),
                talk("A", at(0, 11, 0), at(0, 10, 20))), NOW));
    }

    @Test
    void durationsFollowTheItemBefore() {
        Event event = event();
        event.addSession(session(null, at(0, 9, 0), at(0, 12, 15),
                step("welcome", "Introduction", 10), step("talk", "Compilers", 60), step("break", "Coffee", 30),
                step("talk", "Systems", 90), step("closing", "Closing", 5)), NOW);
        List<ItemView> items = event.view().items();
        assertEquals(List.of("09:00", "09:10", "10:10", "10:40", "12:10"),
                items.stream().map(i -> i.start().toLocalTime().toString()).toList());
        assertEquals(LocalTime.of(12, 15), items.get(4).end().toLocalTime());
        assertTrue(items.get(0).durationOnly());
        violates("items[0].start", () -> event().addSession(session(null, at(0, 9, 0), at(0, 10, 0),
                step("talk", "Too long", 61)), NOW));
        violates("items[0].start", () -> event().addSession(session(null, at(0, 9, 0), at(0, 10, 0),
                new SessionInput.ItemInput(null, "talk", "No time", null, null, null, null, null, null, null, null,
                        false, false, null)), NOW));
    }

    @Test
    void twoSessionsCannotShareARoomAtTheSameTime() {
        Event event = event();
        event.addSession(session("Room 1", at(0, 10, 0), at(0, 11, 0)), NOW);
        violates("room", () -> event.addSession(session(" room  1", at(0, 10, 30), at(0, 11, 30)), NOW));
        event.addSession(session("Room 2", at(0, 10, 30), at(0, 11, 30)), NOW);
        event.addSession(session("Room 1", at(0, 11, 0), at(0, 12, 0)), NOW);
        assertEquals(3, event.view().sessions().size());
    }

    @Test
    void aRevisedSessionIsCheckedForItsRoomWhenItMovesAndNotWhenItKeepsItsPlace() {
        Event event = event();
        event.addSession(session("Room 1", at(0, 10, 0), at(0, 11, 0)), NOW);
        ProgramSession later = event.addSession(session("Room 1", at(0, 11, 0), at(0, 12, 0)), NOW);
        violates("room", () -> event.reviseSession(later, session("Room 1", at(0, 10, 30), at(0, 12, 0)), NOW));

        Event other = event();
        other.addSession(session("Room 1", at(0, 10, 0), at(0, 11, 0)), NOW);
        ProgramSession elsewhere = other.addSession(session("Room 2", at(0, 10, 0), at(0, 11, 0)), NOW);
        violates("room", () -> other.reviseSession(elsewhere, session(" room  1", at(0, 10, 0), at(0, 11, 0)), NOW));

        Event third = event();
        third.addSession(session("Room 1", at(0, 10, 0), at(0, 11, 0)), NOW);
        ProgramSession kept = third.addSession(session("Room 1", at(0, 11, 0), at(0, 12, 0)), NOW);
        third.reviseSession(kept, session("ROOM 1", at(0, 11, 0), at(0, 12, 0), step("talk", "A new talk", 30)), NOW);
        assertEquals("A new talk", third.view().sessions().get(1).items().get(0).title());
    }

    @Test
    void changingTheDatesMayNotStrandTheProgram() {
        Event event = event();
        event.addSession(session(null, at(1, 10, 0), at(1, 11, 0)), NOW);
        violates("sessions[0].start", () -> event.describe(workshop("Europe/London", DAY1, DAY1), NOW));
    }

    @Test
    void aRevisedItemKeepsItsIdentityAndItsSequenceRises() {
        Event event = event();
        ProgramSession session = event.addSession(session(null, at(0, 10, 0), at(0, 11, 0),
                talk("Old title", at(0, 10, 0), at(0, 10, 40))), NOW);
        ItemView before = event.view().items().get(0);
        assertEquals(0, before.sequence());
        ProgramChange change = event.reviseSession(session, session(null, at(0, 10, 0), at(0, 11, 0),
                SessionInput.ItemInput.at(before.id(), "talk", "New title", at(0, 10, 0), at(0, 10, 40), null)),
                NOW.plusSeconds(60));
        ItemView after = event.view().items().get(0);
        assertEquals(before.id(), after.id());
        assertEquals(1, after.sequence());
        assertEquals(NOW.plusSeconds(60), after.lastModified());
        assertEquals(Set.of(before.id()), change.itemIds());
        // an identical revision changes nothing
        ProgramChange none = event.reviseSession(session, session.asInput(), NOW.plusSeconds(120));
        assertTrue(none.itemIds().isEmpty());
        assertEquals(1, event.view().items().get(0).sequence());
    }

    @Test
    void aRemovedSpeakerLeavesTheItemInPlaceToBeAnnounced() {
        UUID speaker = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Event event = event();
        event.addSession(session(null, at(0, 10, 0), at(0, 11, 0),
                talk("Solo", at(0, 10, 0), at(0, 10, 30), speaker),
                talk("Duo", at(0, 10, 30), at(0, 11, 0), speaker, other)), NOW);
        event.replaceCommittee(List.of(new DetailInputs.CommitteeGroupInput("Organization chairs",
                List.of(new DetailInputs.MemberInput(speaker, null), new DetailInputs.MemberInput(other, "Chair")))), NOW);
        ProgramChange change = event.removePerson(speaker, NOW);
        assertEquals(Set.of(speaker), change.peopleRemoved());
        List<ItemView> items = event.view().items();
        assertEquals(2, items.size());
        assertTrue(items.get(0).speakerIds().isEmpty());
        assertTrue(items.get(0).speakerToBeAnnounced());
        assertEquals(List.of(other), items.get(1).speakerIds());
        assertFalse(items.get(1).speakerToBeAnnounced());
        assertEquals(List.of(other), event.view().committee().get(0).members().stream().map(m -> m.personId()).toList());
        assertEquals(ProgramChange.NONE, event.removePerson(speaker, NOW), "a second removal changes nothing");
    }

    @Test
    void aDraftCannotBeCancelled() {
        violates("status", () -> event().cancel(NOW));
        Event event = event();
        event.publish(NOW);
        event.cancel(NOW);
        assertEquals(EventView.Status.CANCELLED, event.view().status());
    }

    @Test
    void linksHaveAKnownKind() {
        violates("links[0].kind", () -> new Event(new EventInput("x", "X", null, "workshop", "Europe/London", DAY1, DAY1,
                null, null, null, null, List.of(new EventInput.LinkInput("tickets", "Tickets", "https://x.org"))), NOW));
    }

    // ---- courses

    static Event course() {
        Event course = new Event(EventInput.of("seminar", "Seminar", "course", "America/Chicago",
                LocalDate.of(2025, 8, 25), LocalDate.of(2025, 12, 5), null), NOW);
        course.setRecurrence(new DetailInputs.RecurrenceInput(List.of(DayOfWeek.FRIDAY), LocalTime.of(15, 0), 75,
                LocalDate.of(2025, 8, 29), LocalDate.of(2025, 12, 5), List.of(LocalDate.of(2025, 11, 28))), NOW);
        return course;
    }

    @Test
    void aCourseMeetsEveryFridayLessExcludedDatesAtTheSameLocalTimeAcrossTheDstChange() {
        List<MeetingView> meetings = course().view().meetings();
        assertEquals(14, meetings.size(), "15 Fridays from 29 August to 5 December, less 28 November");
        assertEquals(LocalDate.of(2025, 8, 29), meetings.get(0).date());
        assertEquals(LocalDate.of(2025, 12, 5), meetings.get(13).date());
        assertFalse(meetings.stream().anyMatch(m -> m.date().equals(LocalDate.of(2025, 11, 28))));
        assertTrue(meetings.stream().allMatch(m -> m.start().toLocalTime().equals(LocalTime.of(15, 0))));
        MeetingView beforeDst = meetings.stream().filter(m -> m.date().equals(LocalDate.of(2025, 10, 31))).findFirst().orElseThrow();
        MeetingView afterDst = meetings.stream().filter(m -> m.date().equals(LocalDate.of(2025, 11, 7))).findFirst().orElseThrow();
        assertEquals(Instant.parse("2025-10-31T20:00:00Z"), beforeDst.start().toInstant(), "CDT, UTC-5");
        assertEquals(Instant.parse("2025-11-07T21:00:00Z"), afterDst.start().toInstant(), "CST, UTC-6");
        assertEquals(Instant.parse("2025-11-07T22:15:00Z"), afterDst.end().toInstant());
    }

    @Test
    void aMeetingCanBeMovedCancelledOrGivenAGuestLecture() {
        Event course = course();
        UUID guest = UUID.randomUUID();
        course.putMeeting(LocalDate.of(2025, 10, 3), new DetailInputs.MeetingInput(false, null, null,
                "Guest lecture: FlashAttention", "guest-lecture", null, List.of(guest), null), NOW);
        course.putMeeting(LocalDate.of(2025, 10, 10), new DetailInputs.MeetingInput(true, null, null, null, null, null,
                null, null), NOW);
        course.putMeeting(LocalDate.of(2025, 10, 17), new DetailInputs.MeetingInput(false,
                LocalDateTime.of(2025, 10, 16, 15, 0), LocalDateTime.of(2025, 10, 16, 16, 15), null, null, "1064",
                null, null), NOW);
        List<MeetingView> meetings = course.view().meetings();
        MeetingView guestLecture = meetings.stream().filter(m -> m.date().equals(LocalDate.of(2025, 10, 3))).findFirst().orElseThrow();
        assertEquals(List.of(guest), guestLecture.speakerIds());
        assertTrue(guestLecture.overridden());
        assertTrue(meetings.stream().filter(m -> m.date().equals(LocalDate.of(2025, 10, 10))).findFirst().orElseThrow().cancelled());
        MeetingView moved = meetings.stream().filter(m -> m.date().equals(LocalDate.of(2025, 10, 17))).findFirst().orElseThrow();
        assertTrue(moved.moved());
        assertEquals(LocalDate.of(2025, 10, 16), moved.start().toLocalDate());
        assertEquals("1064", moved.room());
        assertTrue(course.people().contains(guest));

        violates("date", () -> course.putMeeting(LocalDate.of(2025, 10, 4), new DetailInputs.MeetingInput(true, null,
                null, null, null, null, null, null), NOW));
        violates("end", () -> course.putMeeting(LocalDate.of(2025, 10, 24), new DetailInputs.MeetingInput(false,
                LocalDateTime.of(2025, 10, 24, 15, 0), null, null, null, null, null, null), NOW));
    }

    @Test
    void aRecurrenceLiesWithinTheEvent() {
        Event course = new Event(EventInput.of("seminar", "Seminar", "course", "America/Chicago",
                LocalDate.of(2025, 8, 25), LocalDate.of(2025, 12, 5), null), NOW);
        violates("lastDate", () -> course.setRecurrence(new DetailInputs.RecurrenceInput(List.of(DayOfWeek.FRIDAY),
                LocalTime.of(15, 0), 75, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 8, 29), null), NOW));
        violates("firstDate", () -> course.setRecurrence(new DetailInputs.RecurrenceInput(List.of(DayOfWeek.FRIDAY),
                LocalTime.of(15, 0), 75, LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 5), null), NOW));
        violates("recurrence", () -> course.putMeeting(LocalDate.of(2025, 8, 29), new DetailInputs.MeetingInput(true,
                null, null, null, null, null, null, null), NOW));
    }
}
