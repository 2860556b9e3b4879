package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** The example workshop's rhythm: a registration, a two-talk session, lunch, a keynote. */
    EventView workshopDay() {
        ZonedDateTime nine = ZonedDateTime.of(2024, 5, 16, 9, 30, 0, 0, ZoneId.of("Europe/London"));
        ItemView registration = item("registration", "Welcome & Registration", nine, 30);
        ItemView first = item("invited-talk", "Talk 1", nine.plusMinutes(50), 40);
        ItemView second = item("invited-talk", "Talk 2", nine.plusMinutes(90), 40);
        ItemView lunch = item("meal", "Lunch (Buffet)", nine.plusMinutes(180), 80);
        ItemView keynote = item("keynote", "Scaling <laws>", nine.plusMinutes(260), 50);
        List<SessionView> sessions = List.of(
                session("Welcome & Registration", registration),
                new SessionView(UUID.randomUUID(), "Software & Hardware", "session", "G.07", List.of(),
                        first.start(), second.end(), List.of(first, second)),
                session("Lunch (Buffet)", lunch),
                session("", keynote));
        return new EventView(UUID.randomUUID(), "effgenai", "EffGenAI", null, "workshop", ZoneId.of("Europe/London"),
                LocalDate.of(2024, 5, 16), LocalDate.of(2024, 5, 17), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 1, Instant.EPOCH,
                sessions);
    }

    ItemView item(String kind, String title, ZonedDateTime start, int minutes) {
        return new ItemView(UUID.randomUUID(), kind, title, start, start.plusMinutes(minutes), false,
                List.of(speaker.id()), List.of(), false, null, null, null, false, 0, Instant.EPOCH, null);
    }

    SessionView session(String title, ItemView only) {
        return new SessionView(UUID.randomUUID(), title, "session", null, List.of(), only.start(), only.end(), List.of(only));
    }

    @Test
    void aSessionThatIsOnlyItsItemIsOneRowAndPausesAreQuiet() {
        String html = render(workshopDay());
        assertEquals(1, count(html, "Lunch (Buffet)"), html);
        assertEquals(1, count(html, "Welcome &amp; Registration"), html);
        assertTrue(html.contains("<li class=\"item meal quiet\">\n<span class=\"time\">12:30\u201313:50</span>"), html);
        assertTrue(html.contains("<li class=\"item registration quiet\">"), html);
        // a session of two talks keeps its heading row, with its room, over its items
        assertTrue(html.contains("<h3><span class=\"time\">10:20\u201311:40</span> <span class=\"title\">Software &amp; Hardware</span> "
                + "<span class=\"room\">G.07</span></h3>"), html);
        assertEquals(1, count(html, "<h3>"), html);
        assertTrue(html.contains("<li class=\"item invited-talk\">"), html);
    }

    @Test
    void aKeynoteIsMarkedWhenItsTitleDoesNotSaySo() {
        String html = render(workshopDay());
        assertTrue(html.contains("<span class=\"title\"><span class=\"kind-label\">Keynote:</span> <a href=\"/events/effgenai/talks/"), html);
        assertTrue(html.contains("/\">Scaling &lt;laws&gt;</a></span>"), html);
        List<SchedulePage.Block> blocks = SchedulePage.days(workshopDay(), Map.of()).get(0).sessions();
        assertEquals(List.of(true, false, true, true), blocks.stream().map(SchedulePage.Block::single).toList());
        assertEquals(null, blocks.get(2).only().label()); // lunch: no label
    }

    @Test
    void aOneItemSessionWithItsOwnNameOrChairsKeepsItsHeading() {
        ZonedDateTime start = ZonedDateTime.of(2025, 11, 7, 15, 0, 0, 0, CHICAGO);
        ItemView talk = item("talk", "Attention", start, 30);
        SessionView named = new SessionView(UUID.randomUUID(), "Systems", "session", null, List.of(), start, talk.end(), List.of(talk));
        SessionView chaired = new SessionView(UUID.randomUUID(), "Attention", "session", null, List.of(speaker.id()),
                start, talk.end(), List.of(talk));
        SessionView longer = new SessionView(UUID.randomUUID(), "Attention", "session", null, List.of(),
                start, talk.end().plusMinutes(10), List.of(talk));
        assertFalse(SchedulePage.isSingle(named));
        assertFalse(SchedulePage.isSingle(chaired));
        assertFalse(SchedulePage.isSingle(longer));
    }

    @Test
    void theSubscribeLinkIsOfferedOnceAndTheFrabExportsAreNamed() {
        String html = render(workshopDay());
        assertEquals(1, count(html, "href=\"webcal://"), html);
        assertTrue(html.contains("<a href=\"/events/seminar/schedule.xml\">schedule.xml</a>"), html);
    }

    @Test
    void anEventWithoutAProgramOffersNoScheduleOrSpeakersInItsNavigation() {
        EventView call = new EventView(UUID.randomUUID(), "call", "A call", null, "workshop", CHICAGO,
                LocalDate.of(2025, 8, 25), LocalDate.of(2025, 8, 25), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 1, Instant.EPOCH,
                List.of());
        Links links = Links.of(call, PageHtmlTest.address("https://h"));
        assertFalse(links.listsSchedule() || links.listsSpeakers());
        String html = new String(SchedulePage.render(call, Map.of(), links), StandardCharsets.UTF_8);
        assertFalse(html.contains("href=\"/events/call/schedule/\"") || html.contains("href=\"/events/call/speakers/\""), html);
        Links workshop = Links.of(workshopDay(), PageHtmlTest.address("https://h"));
        assertTrue(workshop.listsSchedule() && workshop.listsSpeakers());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
