package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;

/**
 * The foundation's slice, end to end on the running server: a person, an event and a session go
 * in through the admin API; the events module commits and sends EventChanged over Artemis; the
 * publishing module's MDB renders the schedule page and the feed; Liberty serves them. Then a
 * change of the talk's title travels the same way.
 */
class ChangeTravelsIT {

    // generous: a test may run behind another's backlog (imports register thousands of people);
    // the poll returns as soon as the file is there, and the latency is printed
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    final Lectern lectern = new Lectern();

    @Test
    void aTalkAndItsChangeReachTheSchedulePageAndTheFeed() throws Exception {
        String name = Lectern.unique("Woosuk Kwon");
        Map<String, Object> person = lectern.create("api/people", Map.of(
                "name", name,
                "email", "speaker-secret@example.org",
                "affiliations", List.of(Map.of("name", "UC Berkeley", "former", false))));
        String slug = Lectern.unique("effgenai");
        Map<String, Object> event = lectern.create("api/events", Map.of(
                "slug", slug, "title", "Efficient GenAI Workshop", "kind", "workshop",
                "timeZone", "Europe/London", "startDate", "2024-06-26", "endDate", "2024-06-27",
                "venue", Map.of("city", "Edinburgh")));
        String eventId = (String) event.get("id");
        assertEquals("DRAFT", event.get("status"));
        try (Response published = lectern.post("api/events/" + eventId + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }

        Map<String, Object> session = Map.of(
                "title", "Software & Hardware for Efficient GenAI", "room", "Room 1",
                "start", "2024-06-26T10:20:00", "end", "2024-06-26T11:40:00",
                "items", List.of(Map.of("kind", "talk", "title", "Serving LLMs with PagedAttention",
                        "start", "2024-06-26T10:20:00", "end", "2024-06-26T11:00:00",
                        "speakers", List.of(person.get("id")))));
        String sessionLocation;
        String itemId;
        try (Response created = lectern.post("api/events/" + eventId + "/sessions", session)) {
            String text = created.readEntity(String.class);
            assertEquals(201, created.getStatus(), text);
            sessionLocation = created.getLocation().getPath();
            itemId = (String) Lectern.list(Lectern.json(text).get("items")).get(0).get("id");
        }
        assertTrue(lectern.get(sessionLocation.substring(1)).contains("Serving LLMs with PagedAttention"));

        String schedulePath = "events/" + slug + "/schedule/";
        String feedPath = "events/" + slug + "/calendar.ics";
        String page = lectern.awaitPublished(schedulePath, p -> p.contains("Serving LLMs with PagedAttention"), PUBLISH_TIMEOUT).body();
        assertTrue(page.contains(name + ", UC Berkeley"), page);
        assertTrue(page.contains("Times are Europe/London (BST)"), page);
        assertTrue(page.contains("10:20\u201311:00"), page);
        String feed = lectern.awaitPublished(feedPath, f -> f.contains("SUMMARY:Serving LLMs with PagedAttention"), PUBLISH_TIMEOUT).body();
        VEvent talk = onlyEntry(feed);
        assertEquals(itemId + "@localhost", talk.getUid().get().getValue());
        assertEquals("0", talk.getSequence().getValue());
        Temporal start = talk.getDateTimeStart().getDate();
        assertEquals(Instant.parse("2024-06-26T09:20:00Z"), Instant.from(start));

        // the change: a new title for the same talk (same id, so the same calendar entry)
        Map<String, Object> renamed = Map.of(
                "title", "Software & Hardware for Efficient GenAI", "room", "Room 1",
                "start", "2024-06-26T10:20:00", "end", "2024-06-26T11:40:00",
                "items", List.of(Map.of("id", itemId, "kind", "talk", "title", "vLLM: Easy, Fast, and Cheap LLM Serving",
                        "start", "2024-06-26T10:20:00", "end", "2024-06-26T11:00:00",
                        "speakers", List.of(person.get("id")))));
        try (Response changed = lectern.put(sessionLocation.replaceFirst("^/", ""), renamed)) {
            assertEquals(200, changed.getStatus(), changed.readEntity(String.class));
        }
        Lectern.Published newPage = lectern.awaitPublished(schedulePath,
                p -> p.contains("vLLM: Easy, Fast, and Cheap LLM Serving"), PUBLISH_TIMEOUT);
        Lectern.Published newFeed = lectern.awaitPublished(feedPath,
                f -> f.contains("SUMMARY:vLLM: Easy\\, Fast\\, and Cheap LLM Serving"), PUBLISH_TIMEOUT);
        System.out.printf("change published: schedule page after %d ms, feed after %d ms more%n",
                newPage.after().toMillis(), newFeed.after().toMillis());
        assertFalse(newPage.body().contains("PagedAttention"));

        VEvent changedTalk = onlyEntry(newFeed.body());
        assertEquals(itemId + "@localhost", changedTalk.getUid().get().getValue());
        assertEquals("1", changedTalk.getSequence().getValue());
        assertEquals("vLLM: Easy, Fast, and Cheap LLM Serving", changedTalk.getSummary().getValue());

        // the same entry, same UID and SEQUENCE, in the speaker's own feed and in the feed of everything
        String personFeed = lectern.awaitPublished("people/" + person.get("slug") + "/calendar.ics",
                f -> f.contains("SUMMARY:vLLM: Easy"), PUBLISH_TIMEOUT).body();
        VEvent inPersonFeed = onlyEntry(personFeed);
        assertEquals(itemId + "@localhost", inPersonFeed.getUid().get().getValue());
        assertEquals("1", inPersonFeed.getSequence().getValue());
        String everything = lectern.awaitPublished("calendar.ics", f -> f.contains("UID:" + eventId + "@localhost"),
                PUBLISH_TIMEOUT).body();
        assertTrue(everything.contains("SUMMARY:Efficient GenAI Workshop"), everything);

        // the email is private: not on the page, not in the feed
        assertFalse(newPage.body().contains("speaker-secret"));
        assertFalse(newFeed.body().contains("speaker-secret"));
    }

    @Test
    void draftsAreNotPublished() throws Exception {
        String slug = Lectern.unique("draft");
        lectern.create("api/events", Map.of("slug", slug, "title", "Not yet", "kind", "tutorial",
                "timeZone", "Europe/Amsterdam", "startDate", "2025-03-30", "endDate", "2025-03-30"));
        // once the draft's change has travelled all the way (outbox, broker, publisher), look
        lectern.awaitPublishingIdle(Duration.ofSeconds(60));
        assertEquals(404, lectern.status("events/" + slug + "/schedule/"));
        assertEquals(404, lectern.status("events/" + slug + "/calendar.ics"));
        assertFalse(lectern.get("").contains(slug));
    }

    private static VEvent onlyEntry(String feed) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> entries = calendar.getComponents(VEvent.VEVENT);
        assertEquals(1, entries.size(), feed);
        assertNotNull(calendar.getComponent("VTIMEZONE").orElse(null));
        return entries.get(0);
    }
}
