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
import org.lectern.events.api.CommitteeGroupView;
import org.lectern.events.api.EventView;
import org.lectern.events.api.EventView.AnnouncementView;
import org.lectern.events.api.EventView.EventLinkView;
import org.lectern.events.api.EventView.HostConferenceView;
import org.lectern.events.api.EventView.PaperView;
import org.lectern.events.api.EventView.SectionView;
import org.lectern.events.api.EventView.TopicView;
import org.lectern.events.api.EventView.VenueView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.PersonRole;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.LinkView;
import org.lectern.people.api.PersonView;

/** The event home, speakers and person pages: their facts, and hostile text kept inert. */
class PagesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final PersonView chair = person("Luo Mai", "luo-mai", "University of Edinburgh",
            "Works on **ML systems**. <img src=x onerror=alert(1)> [click](javascript:alert(2))");
    final PersonView speaker = person("Woosuk <i>Kwon</i>", "woosuk-kwon", "UC Berkeley", null);

    final Links links = new Links("/events/effgenai/", "/events/effgenai/schedule/", "/events/effgenai/speakers/",
            "http://h/events/effgenai/calendar.ics", "webcal://h/events/effgenai/calendar.ics", "/assets/lectern.css");

    EventView event() {
        ZonedDateTime start = ZonedDateTime.of(2024, 6, 26, 10, 20, 0, 0, LONDON);
        ItemView talk = new ItemView(UUID.randomUUID(), "talk", "vLLM: Easy, Fast, and Cheap LLM Serving", start,
                start.plusMinutes(40), false, List.of(speaker.id()), List.of(), false, null, null, null, false, 0, Instant.EPOCH, null);
        SessionView session = new SessionView(UUID.randomUUID(), "Systems", "session", "Room 1", List.of(chair.id()),
                start, start.plusMinutes(80), List.of(talk));
        return new EventView(UUID.randomUUID(), "effgenai", "Efficient GenAI", null, "workshop", LONDON,
                LocalDate.of(2024, 6, 26), LocalDate.of(2024, 6, 27),
                new VenueView("Bayes Centre", null, "G.03", null, "Edinburgh"),
                new HostConferenceView("MLSys 2024", "javascript:alert(3)"),
                List.of(new SectionView("About", "We bring **people** together.\n\n<script>alert(4)</script>")),
                List.of(new TopicView("Inference", "Speculative decoding & quantization")),
                List.of(new EventLinkView("call", "Call for posters", "https://forms.example.org/x"),
                        new EventLinkView("bad", "Bad", "data:text/html,<script>alert(5)</script>")),
                List.of(new AnnouncementView(LocalDate.of(2024, 5, 1), "Registration is **open**", true)),
                List.of(),
                List.of(new PaperView("A paper", "A. Author", "https://papers.example.org/1", "Best paper")),
                List.of(new CommitteeGroupView("Organizers", List.of(new CommitteeGroupView.Member(chair.id(), "General chair")))),
                null, List.of(), EventView.Status.PUBLISHED, 1, Instant.EPOCH, List.of(session));
    }

    Map<UUID, PersonView> people() {
        return Map.of(chair.id(), chair, speaker.id(), speaker);
    }

    @Test
    void theHomeShowsWhatTheEventIsAndWhoRunsIt() {
        String html = text(EventHomePage.render(event(), people(), links, "26 – 27 June 2024", p -> null));
        assertTrue(html.contains("G.03, Bayes Centre, Edinburgh"), html);
        assertTrue(html.contains("We bring <strong>people</strong> together."), html);
        assertTrue(html.contains("Speculative decoding &amp; quantization"), html);
        assertTrue(html.contains("Registration is <strong>open</strong>"), html);
        assertTrue(html.contains("<a href=\"/people/luo-mai/\">Luo Mai</a>"), html);
        assertTrue(html.contains("General chair"), html);
        assertTrue(html.contains("University of Edinburgh"), html);
        assertTrue(html.contains("Best paper"), html);
        assertTrue(html.contains("href=\"https://forms.example.org/x\""), html);
        assertTrue(html.contains("href=\"webcal://h/events/effgenai/calendar.ics\""), html);
        assertInert(html);
        assertFalse(html.contains("Bad</a>"), "a data: link is not shown");
        assertTrue(html.contains("Part of MLSys 2024"), "the host is named, without its javascript: link");
    }

    @Test
    void theSpeakersPageListsEveryoneOnTheProgramWithWhatTheyDo() {
        String html = text(SpeakersPage.render(event(), people(), links, p -> p == chair ? "/assets/photos/abc.jpg" : null));
        assertTrue(html.contains("Woosuk &lt;i&gt;Kwon&lt;/i&gt;"), html);
        assertTrue(html.contains("Speaker: <a href=\"/events/effgenai/talks/"), html); // each part links to its talk page
        assertTrue(html.contains("/\">vLLM: Easy, Fast, and Cheap LLM Serving</a>"), html);
        assertTrue(html.contains("Chair: Systems"), html);
        assertTrue(html.contains("<img src=\"/assets/photos/abc.jpg\""), html);
        assertTrue(html.contains("Works on <strong>ML systems</strong>."), html);
        assertTrue(html.indexOf("Luo Mai") < html.indexOf("Woosuk"), "by name");
        assertInert(html);
    }

    @Test
    void thePersonPageShowsTheirRolesAcrossEventsAndOnlySafeLinks() {
        EventView event = event();
        ZonedDateTime start = event.sessions().get(0).start();
        List<PersonRole> roles = List.of(
                new PersonRole(event.id(), "effgenai", "Efficient GenAI", PersonRole.Role.CHAIR, event.sessions().get(0).id(),
                        "Systems", start, start.plusMinutes(80)),
                new PersonRole(event.id(), "effgenai", "Efficient GenAI", PersonRole.Role.COMMITTEE, null, "Organizers", null, null));
        String html = text(PersonPage.render(chair, null, roles, "http://h/people/luo-mai/calendar.ics",
                "webcal://h/people/luo-mai/calendar.ics"));
        assertTrue(html.contains("Session chair: <a href=\"/events/effgenai/schedule/\">Systems</a>"), html);
        assertTrue(html.contains("Committee: Organizers"), html);
        assertTrue(html.contains("Wed 26 Jun 2024, 10:20 (BST)"), html);
        assertTrue(html.contains("href=\"https://luo-mai.example.org/\""), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("webcal://h/people/luo-mai/calendar.ics"), html);
        assertInert(html);
    }

    private static void assertInert(String html) {
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("<i>"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("data:text"), html);
    }

    private static PersonView person(String name, String slug, String affiliation, String bio) {
        return new PersonView(UUID.randomUUID(), slug, name, PersonView.Kind.PERSON, null,
                List.of(new AffiliationView(affiliation, false)), "https://" + slug + ".example.org/",
                List.of(new LinkView("Evil", "javascript:alert(6)")), bio, null, null, 1, Instant.EPOCH);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
