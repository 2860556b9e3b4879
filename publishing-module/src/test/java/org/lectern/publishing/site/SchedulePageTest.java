package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.PersonView;

class SchedulePageTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    final PersonView speaker = new PersonView(UUID.randomUUID(), "s", "Mirella <b>Lapata</b>", PersonView.Kind.PERSON,
            null, List.of(new AffiliationView("University of Edinburgh", false), new AffiliationView("Old", true)),
            null, List.of(), null, null, null, 1, Instant.EPOCH);

    EventView event(EventView.Status status, boolean cancelledItem) {
        ZonedDateTime start = ZonedDateTime.of(2025, 11, 7, 15, 0, 0, 0, CHICAGO);
        ItemView talk = new ItemView(UUID.randomUUID(), "invited-talk", "<script>alert(1)</script>", start,
                start.plusMinutes(75), false, List.of(speaker.id()), List.of(), false, null, null, null, cancelledItem, 0, Instant.EPOCH, null);
        SessionView session = new SessionView(UUID.randomUUID(), "Seminar", "session", null, List.of(), start, start.plusMinutes(75), List.of(talk));
        return new EventView(UUID.randomUUID(), "seminar", "Systems & ML Seminar", null, "course", CHICAGO,
                LocalDate.of(2025, 8, 25), LocalDate.of(2025, 12, 5), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), status, 1, Instant.EPOCH, List.of(session));
    }

    String render(EventView event) {
        Links links = new Links("/events/seminar/", "/events/seminar/schedule/", "/events/seminar/speakers/",
                "http://h/events/seminar/calendar.ics",
                "webcal://h/events/seminar/calendar.ics", "/assets/lectern.css");
        return new String(SchedulePage.render(event, Map.of(speaker.id(), speaker), links), StandardCharsets.UTF_8);
    }

    @Test
    void showsLocalTimesWithTheZoneNamedAndSpeakersWithCurrentAffiliations() {
        String html = render(event(EventView.Status.PUBLISHED, false));
        assertTrue(html.contains("Friday 7 November 2025"), html);
        assertTrue(html.contains("15:00\u201316:15"), html);
        assertTrue(html.contains("Times are America/Chicago (CST)"), html);
        assertTrue(html.contains("Mirella &lt;b&gt;Lapata&lt;/b&gt;, University of Edinburgh"), html);
        assertFalse(html.contains("Old"), html);
        assertTrue(html.contains("href=\"webcal://h/events/seminar/calendar.ics\""), html);
    }

    @Test
    void escapesEveryUserValue() {
        String html = render(event(EventView.Status.PUBLISHED, false));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("Systems &amp; ML Seminar"), html);
    }

    @Test
    void aCourseShowsItsMeetingsAsATermListWithTheZoneNamed() {
        ZonedDateTime first = ZonedDateTime.of(2025, 9, 4, 15, 0, 0, 0, CHICAGO);
        List<MeetingView> meetings = List.of(
                new MeetingView(first.toLocalDate(), first, first.plusMinutes(75), false, false, "Guest <lecture>", "lecture",
                        "Room 1070", List.of(speaker.id()), List.of(new MeetingView.Paper("A paper", null, List.of())), 0, Instant.EPOCH),
                new MeetingView(first.toLocalDate().plusWeeks(1), first.plusWeeks(1), first.plusWeeks(1).plusMinutes(75), true, true,
                        null, "lecture", null, List.of(), List.of(), 1, Instant.EPOCH));
        EventView seminar = event(EventView.Status.PUBLISHED, false);
        EventView course = new EventView(seminar.id(), seminar.slug(), seminar.title(), null, "course", CHICAGO,
                seminar.startDate(), seminar.endDate(), null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, meetings, EventView.Status.PUBLISHED, 1, Instant.EPOCH, List.of());
        String html = render(course);
        assertTrue(html.contains("Times are America/Chicago"), html);
        assertTrue(html.contains("Thu 4 Sep 2025"), html);
        assertTrue(html.contains("15:00\u201316:15 CDT"), html);
        assertTrue(html.contains("Guest &lt;lecture&gt;"), html);
        assertTrue(html.contains("Mirella &lt;b&gt;Lapata&lt;/b&gt;, University of Edinburgh"), html);
        assertTrue(html.contains("<strong class=\"status\">Cancelled</strong>"), html);
    }

    @Test
    void marksCancelledItems() {
        assertTrue(render(event(EventView.Status.PUBLISHED, true)).contains("<strong class=\"status\">Cancelled</strong>"));
        assertFalse(render(event(EventView.Status.PUBLISHED, false)).contains("<strong class=\"status\">Cancelled</strong>"));
    }
}
