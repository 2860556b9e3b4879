package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an organizer GETs they can PUT back: the same body with its ETag changes nothing (same
 * ETag, the same published bytes), and one changed field changes exactly that field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripIT {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    final Lectern lectern = new Lectern();
    String eventId;
    String slug;
    String sessionId;
    String talkId;
    String speakerId;
    String chairId;

    @BeforeAll
    void aPublishedWorkshopWithAPanel() throws Exception {
        Health.awaitReadiness(lectern::target, 200, Duration.ofMinutes(3));
        speakerId = (String) lectern.create("api/people", Map.of("name", Lectern.unique("Ada Speaker"),
                "affiliations", List.of(Map.of("name", "Example University", "former", false)))).get("id");
        chairId = (String) lectern.create("api/people", Map.of("name", Lectern.unique("Cy Moderator"))).get("id");
        slug = Lectern.unique("roundtrip");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Round trips",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2026-06-24", "endDate", "2026-06-24",
                "sections", List.of(Map.of("heading", "About", "body", "A workshop about **round trips**."))));
        eventId = (String) event.get("id");
        Map<String, Object> item = new LinkedHashMap<>(Map.of("kind", "panel", "title", "The round-trip panel",
                "start", "2026-06-24T10:20", "end", "2026-06-24T11:00",
                "speakers", List.of(speakerId), "moderators", List.of(chairId)));
        item.put("abstract", "What goes out comes back.");
        Map<String, Object> session = lectern.create("api/events/" + eventId + "/sessions", Map.of("title", "Morning",
                "room", "G.03", "chairs", List.of(chairId), "start", "2026-06-24T10:00", "end", "2026-06-24T12:00",
                "items", List.of(Map.of("kind", "welcome", "title", "Welcome", "durationMinutes", 20), item)));
        sessionId = (String) session.get("id");
        talkId = (String) Lectern.list(session.get("items")).get(1).get("id");
        try (Response put = write("api/events/" + eventId + "/committee", null, List.of(Map.of("name", "Chairs",
                "members", List.of(Map.of("person", chairId, "role", "General chair")))))) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
        try (Response published = lectern.target("api/events/" + eventId + "/publish").request().post(Entity.json(""))) {
            assertEquals(200, published.getStatus(), published.readEntity(String.class));
        }
        lectern.awaitPublished(schedule(), p -> p.contains("The round-trip panel"), PUBLISH_TIMEOUT);
        lectern.awaitPublished(feed(), f -> f.contains("The round-trip panel"), PUBLISH_TIMEOUT);
    }

    @Test
    void everyResourceTakesBackWhatItGaveAndNothingChanges() throws Exception {
        for (String path : List.of("api/events/" + eventId, "api/events/" + eventId + "/program",
                "api/events/" + eventId + "/sessions/" + sessionId, "api/events/" + eventId + "/items/" + talkId,
                "api/events/" + eventId + "/committee", "api/people/" + speakerId)) {
            lectern.awaitPublishingIdle(PUBLISH_TIMEOUT);
            String page = lectern.get(schedule());
            String calendar = lectern.get(feed());
            Read before = read(path);
            assertNotNull(before.etag(), path + " has an ETag");
            assertTrue(before.etag().startsWith("\"") && !before.etag().startsWith("W/"), path + ": a strong ETag " + before.etag());
            try (Response put = write(path, before.etag(), Lectern.JSON.fromJson(before.body(), Object.class))) {
                String answer = put.readEntity(String.class);
                assertEquals(200, put.getStatus(), path + ": " + answer);
            }
            Read after = read(path);
            assertEquals(before.etag(), after.etag(), path + ": a PUT of the same body changes no version");
            assertEquals(before.body(), after.body(), path + ": a PUT of the same body changes nothing");
            lectern.awaitPublishingIdle(PUBLISH_TIMEOUT);
            assertEquals(page, lectern.get(schedule()), path + ": the page is the same");
            assertEquals(calendar, lectern.get(feed()), path + ": the feed is the same");
        }
    }

    @Test
    void oneChangedFieldOfAnItemChangesThatFieldAndTheSpeakersStay() throws Exception {
        String path = "api/events/" + eventId + "/items/" + talkId;
        Read before = read(path);
        Map<String, Object> item = Lectern.json(before.body());
        item.put("end", "2026-06-24T10:50");
        try (Response put = write(path, before.etag(), item)) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
        Map<String, Object> after = Lectern.json(read(path).body());
        assertEquals(LocalDateTime.parse("2026-06-24T10:50"), LocalDateTime.parse((String) after.get("end")));
        assertEquals(List.of(speakerId), after.get("speakers"), "the speakers stay");
        assertEquals(List.of(chairId), after.get("moderators"), "the moderators stay");
        assertEquals("What goes out comes back.", after.get("abstract"));
        String speakerName = (String) Lectern.json(lectern.get("api/people/" + speakerId)).get("name");
        String feed = lectern.awaitPublished(feed(), f -> f.contains("T105000"), PUBLISH_TIMEOUT).body();
        int summary = feed.indexOf("SUMMARY:The round-trip panel");
        String panel = feed.substring(feed.lastIndexOf("BEGIN:VEVENT", summary), feed.indexOf("END:VEVENT", summary));
        assertTrue(panel.contains("T105000"), panel);
        assertTrue(panel.replace("\r\n ", "").contains(speakerName), "the feed still names the speaker: " + panel);
        String page = lectern.get(schedule());
        assertTrue(page.contains(speakerName), "the page still names the speaker");
    }

    @Test
    void aSessionEditedFromItsGetKeepsItsPanelistsAndModerator() throws Exception {
        String path = "api/events/" + eventId + "/sessions/" + sessionId;
        Read before = read(path);
        Map<String, Object> session = Lectern.json(before.body());
        session.put("room", "G.04");
        try (Response put = write(path, before.etag(), session)) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
        Map<String, Object> after = Lectern.json(read(path).body());
        assertEquals("G.04", after.get("room"));
        Map<String, Object> panel = Lectern.list(after.get("items")).get(1);
        assertEquals(List.of(speakerId), panel.get("speakers"));
        assertEquals(List.of(chairId), panel.get("moderators"));
        assertEquals(List.of(chairId), after.get("chairs"));
    }

    @Test
    void theEventIsReadAndWrittenWithOneZoneFieldAndItsSectionsCanBeEdited() throws Exception {
        String path = "api/events/" + eventId;
        Read before = read(path);
        Map<String, Object> event = Lectern.json(before.body());
        assertEquals("Europe/London", event.get("timeZone"));
        assertFalse(event.containsKey("zone"), "one name for the zone: " + event.keySet());
        List<Object> sections = new ArrayList<>(List.of(Map.of("heading", "About", "body", "Edited: a workshop.")));
        event.put("sections", sections);
        try (Response put = write(path, before.etag(), event)) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
        assertTrue(lectern.awaitPublished("events/" + slug + "/", p -> p.contains("Edited: a workshop."), PUBLISH_TIMEOUT)
                .body().contains("Edited"));
        Read edited = read(path);
        Map<String, Object> again = Lectern.json(edited.body());
        again.put("sections", List.of());
        try (Response put = write(path, edited.etag(), again)) {
            assertEquals(200, put.getStatus(), "a section removed: " + put.readEntity(String.class));
        }
        assertEquals(List.of(), Lectern.json(read(path).body()).get("sections"));
    }

    @Test
    void aStaleETagOnASubResourceIs412WithTheCurrentVersion() {
        String path = "api/events/" + eventId + "/items/" + talkId;
        Read current = read(path);
        try (Response put = write(path, "\"1\"", Lectern.JSON.fromJson(current.body(), Object.class))) {
            String body = put.readEntity(String.class);
            assertEquals(412, put.getStatus(), body);
            assertEquals(current.etag(), put.getHeaderString("ETag"), body);
        }
    }

    record Read(String body, String etag) {
    }

    Read read(String path) {
        try (Response response = lectern.target(path).request(MediaType.APPLICATION_JSON).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), path + ": " + body);
            return new Read(body, response.getHeaderString("ETag"));
        }
    }

    Response write(String path, String etag, Object body) {
        var request = lectern.target(path).request(MediaType.APPLICATION_JSON);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.put(Entity.json(Lectern.JSON.toJson(body)));
    }

    String schedule() {
        return "events/" + slug + "/schedule/";
    }

    String feed() {
        return "events/" + slug + "/calendar.ics";
    }
}
