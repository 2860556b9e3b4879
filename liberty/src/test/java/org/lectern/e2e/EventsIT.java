package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The events admin API on the running server: each sub-resource, the rules, the demo events. */
class EventsIT {

    final Lectern lectern = new Lectern();

    Map<String, Object> newEvent(String kind, String zone, String start, String end) {
        return lectern.create("api/events", Map.of("slug", Lectern.unique(kind), "title", "A " + kind,
                "kind", kind, "timeZone", zone, "startDate", start, "endDate", end));
    }

    Response put(String path, String ifMatch, Object body) {
        var request = lectern.target(path).request(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(Entity.json(Lectern.JSON.toJson(body)));
    }

    Map<String, Object> ok(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return body.startsWith("[") ? Map.of("list", Lectern.JSON.fromJson(body, List.class)) : Lectern.json(body);
        }
    }

    String problemField(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            assertEquals("application/problem+json", response.getMediaType().toString());
            return (String) Lectern.list(Lectern.json(body).get("errors")).get(0).get("field");
        }
    }

    @Test
    void theDemoEventsAreThereAsPublished() {
        List<Map<String, Object>> events = Lectern.list(Lectern.JSON.fromJson(lectern.get("api/events"), List.class));
        Map<String, Map<String, Object>> bySlug = new java.util.HashMap<>();
        events.forEach(e -> bySlug.put((String) e.get("slug"), e));
        for (String slug : List.of("effgenai-2024", "effgenai-call", "genai-catalyst-asplos-2025",
                "efficient-ml-systems-seminar-2025")) {
            assertTrue(bySlug.containsKey(slug), slug);
            assertEquals("PUBLISHED", bySlug.get(slug).get("status"), slug);
        }
        Map<String, Object> workshop = bySlug.get("effgenai-2024");
        assertEquals(21, Lectern.list(workshop.get("sessions")).size());
        assertEquals(3, Lectern.list(workshop.get("committee")).size());
        Map<String, Object> tutorial = bySlug.get("genai-catalyst-asplos-2025");
        List<Map<String, Object>> agenda = Lectern.list(Lectern.list(tutorial.get("sessions")).get(0).get("items"));
        assertEquals(List.of("2025-03-30T09:00:00+02:00[Europe/Amsterdam]", "2025-03-30T09:10:00+02:00[Europe/Amsterdam]",
                        "2025-03-30T10:10:00+02:00[Europe/Amsterdam]", "2025-03-30T10:40:00+02:00[Europe/Amsterdam]",
                        "2025-03-30T12:10:00+02:00[Europe/Amsterdam]"),
                agenda.stream().map(i -> i.get("start")).toList());
        Map<String, Object> course = bySlug.get("efficient-ml-systems-seminar-2025");
        List<Map<String, Object>> meetings = Lectern.list(course.get("meetings"));
        assertEquals(15, meetings.size(), "every Friday from 29 August to 5 December");
        assertEquals("2025-08-29T15:00:00-05:00[America/Chicago]", meetings.get(0).get("start"));
        assertEquals("2025-12-05T15:00:00-06:00[America/Chicago]", meetings.get(14).get("start"));

        // the course's feed is one weekly rule, Fridays 15:00 Chicago time to 5 December
        String courseFeed = lectern.get("events/efficient-ml-systems-seminar-2025/calendar.ics");
        assertTrue(courseFeed.contains("RRULE:FREQ=WEEKLY;UNTIL=20251205T210000Z;BYDAY=FR"), courseFeed);
        assertTrue(courseFeed.contains("DTSTART;TZID=America/Chicago:20250829T150000"), courseFeed);
        assertTrue(lectern.get("").contains("webcal://"), "the index links the feed of everything");

        // the speakers are people of the people module
        Map<String, Object> firstTalk = Lectern.list(Lectern.list(workshop.get("sessions")).stream()
                .filter(s -> "Software & Hardware for Efficient GenAI".equals(s.get("title"))).findFirst().orElseThrow()
                .get("items")).get(0);
        String speaker = (String) Lectern.list(List.of(Map.of("x", firstTalk.get("speakers")))).get(0).get("x").toString()
                .replaceAll("[\\[\\]]", "");
        assertEquals("Woosuk Kwon", Lectern.json(lectern.get("api/people/" + speaker)).get("name"));
    }

    @Test
    void anEventIsReplacedOnlyFromItsCurrentVersionAndGoesThroughItsStatuses() throws Exception {
        Map<String, Object> event = newEvent("workshop", "Europe/London", "2025-06-01", "2025-06-02");
        String path = "api/events/" + event.get("id");
        String slug = (String) event.get("slug");
        Map<String, Object> described = Map.ofEntries(Map.entry("slug", slug), Map.entry("title", "Renamed"),
                Map.entry("kind", "workshop"), Map.entry("timeZone", "Europe/London"),
                Map.entry("startDate", "2025-06-01"), Map.entry("endDate", "2025-06-02"), Map.entry(
                "venue", Map.of("building", "Bayes Centre", "room", "G.03", "city", "Edinburgh")),
                Map.entry("hostConference", Map.of("name", "MLSys 2025", "url", "https://mlsys.org")),
                Map.entry("sections", List.of(Map.of("heading", "About", "body", "**Efficient** GenAI"))),
                Map.entry("topics", List.of(Map.of("title", "Inference"))),
                Map.entry("links", List.of(Map.of("kind", "registration", "label", "Register", "url", "https://example.org/r"))));
        assertEquals("If-Match", problemField(put(path, null, described), 428));
        assertEquals("If-Match", problemField(put(path, "\"9\"", described), 412));
        Map<String, Object> renamed = ok(put(path, "\"1\"", described));
        assertEquals("Renamed", renamed.get("title"));
        assertEquals("G.03", ((Map<?, ?>) renamed.get("venue")).get("room"));
        assertEquals("registration", Lectern.list(renamed.get("links")).get(0).get("kind"));

        String home = "events/" + slug + "/";
        ok(lectern.post(path + "/publish", Map.of()));
        lectern.awaitPublished(home, p -> p.contains("Renamed"), Duration.ofSeconds(30));
        ok(lectern.post(path + "/unpublish", Map.of()));
        awaitStatus(home, 404);
        ok(lectern.post(path + "/publish", Map.of()));
        lectern.awaitPublished(home, p -> p.contains("Renamed"), Duration.ofSeconds(30));
        assertEquals("CANCELLED", ok(lectern.post(path + "/cancel", Map.of())).get("status"));
        lectern.awaitPublished(home, p -> p.contains("This event is cancelled"), Duration.ofSeconds(30));
        String cancelledFeed = lectern.awaitPublished("events/" + slug + "/calendar.ics", f -> f.contains("STATUS:CANCELLED"),
                Duration.ofSeconds(30)).body();
        assertFalse(entries(cancelledFeed).isEmpty());
        for (String entry : entries(cancelledFeed)) {
            assertTrue(entry.contains("\r\nSTATUS:CANCELLED\r\n"), "every entry of a cancelled event is cancelled: " + entry);
        }

        String version = "\"" + Lectern.json(lectern.get(path)).get("version") + "\"";
        try (Response deleted = lectern.target(path).request().header("If-Match", version).delete()) {
            assertEquals(204, deleted.getStatus());
        }
        assertEquals(404, lectern.status(path));
        awaitStatus(home, 404);
    }

    @Test
    void theWholeProgramIsOneDocument() {
        Map<String, Object> event = newEvent("tutorial", "Europe/Amsterdam", "2025-03-30", "2025-03-30");
        String program = "api/events/" + event.get("id") + "/program";
        Map<String, Object> written = ok(put(program, null, Map.of("sessions", List.of(
                Map.of("title", "Morning", "room", "Goudriaan II", "start", "2025-03-30T09:00", "end", "2025-03-30T12:15",
                        "items", List.of(
                                Map.of("kind", "welcome", "title", "Introduction", "durationMinutes", 10),
                                Map.of("kind", "talk", "title", "Compilers", "durationMinutes", 60),
                                Map.of("kind", "break", "title", "Coffee", "durationMinutes", 30))),
                Map.of("title", "Afternoon", "room", "Goudriaan II", "start", "2025-03-30T13:00", "end", "2025-03-30T14:00")))));
        List<Map<String, Object>> sessions = Lectern.list(written.get("sessions"));
        assertEquals(2, sessions.size());
        List<Map<String, Object>> items = Lectern.list(sessions.get(0).get("items"));
        assertEquals(30, ((Number) items.get(2).get("durationMinutes")).intValue(), "the document keeps durations");
        List<Map<String, Object>> derived = Lectern.list(Lectern.JSON.fromJson(
                lectern.get("api/events/" + event.get("id") + "/items"), List.class));
        assertEquals("2025-03-30T10:10:00", derived.get(2).get("scheduledStart"), "and derives times");

        // the same document back, with ids: nothing changes, sequences stay
        ok(put(program, null, Lectern.json(lectern.get(program))));
        List<Map<String, Object>> unchanged = Lectern.list(Lectern.JSON.fromJson(
                lectern.get("api/events/" + event.get("id") + "/items"), List.class));
        assertEquals(derived.stream().map(i -> i.get("id")).toList(), unchanged.stream().map(i -> i.get("id")).toList());
        assertEquals(List.of(0, 0, 0), unchanged.stream().map(i -> ((Number) i.get("sequence")).intValue()).toList());

        // one item changed through its own resource
        String item = "api/events/" + event.get("id") + "/items/" + items.get(1).get("id");
        Map<String, Object> changed = ok(put(item, null, Map.of("kind", "talk", "title", "Mirage", "durationMinutes", 60)));
        assertEquals("Mirage", changed.get("title"));
        assertEquals(1, ((Number) changed.get("sequence")).intValue());

        // an item added to a session, and one removed
        String sessionItems = "api/events/" + event.get("id") + "/sessions/" + sessions.get(1).get("id") + "/items";
        try (Response added = lectern.post(sessionItems, Map.of("kind", "talk", "title", "Systems", "durationMinutes", 45))) {
            assertEquals(201, added.getStatus(), added.readEntity(String.class));
        }
        try (Response removed = lectern.target(item).request().delete()) {
            assertEquals(204, removed.getStatus());
        }
        List<Map<String, Object>> all = Lectern.list(Lectern.JSON.fromJson(lectern.get("api/events/" + event.get("id") + "/items"), List.class));
        assertEquals(List.of("Introduction", "Coffee", "Systems"), all.stream().map(i -> i.get("title")).toList());
        assertEquals("2025-03-30T09:10:00", all.get(1).get("scheduledStart"), "derived times follow");

        assertEquals("sessions[1].room", problemField(put(program, null, Map.of("sessions", List.of(
                Map.of("title", "A", "room", "Hall", "start", "2025-03-30T09:00", "end", "2025-03-30T10:00"),
                Map.of("title", "B", "room", "hall", "start", "2025-03-30T09:30", "end", "2025-03-30T10:30")))), 422));
        assertEquals(3, Lectern.list(Lectern.JSON.fromJson(lectern.get("api/events/" + event.get("id") + "/items"), List.class)).size(),
                "a refused program changes nothing");
    }

    @Test
    void committeeAnnouncementsSponsorsAndPapersAreDocumentsOfTheirOwn() {
        Map<String, Object> person = lectern.create("api/people", Map.of("name", Lectern.unique("Chair")));
        Map<String, Object> event = newEvent("conference", "Asia/Kolkata", "2025-01-10", "2025-01-12");
        String base = "api/events/" + event.get("id");
        List<Object> committee = List.of(Map.of("name", "Organization chairs",
                "members", List.of(Map.of("person", person.get("id"), "role", "General chair"))));
        List<Map<String, Object>> stored = Lectern.list(ok(put(base + "/committee", null, committee)).get("list"));
        assertEquals("Organization chairs", stored.get(0).get("name"));
        assertEquals(List.of(Map.of("person", person.get("id"), "role", "General chair")), stored.get(0).get("members"));
        ok(put(base + "/announcements", null, List.of(Map.of("date", "2025-01-01", "text", "Registration is open", "pinned", false),
                Map.of("date", "2024-12-01", "text", "Call for posters", "pinned", true))));
        List<Map<String, Object>> announcements = Lectern.list(Lectern.JSON.fromJson(lectern.get(base + "/announcements"), List.class));
        assertEquals("Call for posters", announcements.get(0).get("text"), "pinned first");
        ok(put(base + "/sponsors", null, List.of(Map.of("name", "GAIL", "url", "https://gail.ed.ac.uk"))));
        ok(put(base + "/papers", null, List.of(Map.of("title", "Delve into PPO", "authors", "Rui Zheng, Shihan Dou",
                "award", "Best paper"))));
        assertEquals("Best paper", Lectern.list(Lectern.JSON.fromJson(lectern.get(base + "/papers"), List.class)).get(0).get("award"));
        assertEquals("[0].logoUrl", problemField(put(base + "/sponsors", null,
                List.of(Map.of("name", "X", "logoUrl", "javascript:alert(1)"))), 422));
        assertEquals("members", problemField(put(base + "/committee", null, List.of(Map.of("name", "G",
                "members", List.of(Map.of("person", java.util.UUID.randomUUID().toString()))))), 422));
        assertEquals(1, Lectern.list(Lectern.JSON.fromJson(lectern.get(base + "/sponsors"), List.class)).size());
    }

    @Test
    void aCourseHasWeeklyMeetingsThatCanBeChangedOneByOne() {
        Map<String, Object> guest = lectern.create("api/people", Map.of("name", Lectern.unique("Tri Dao")));
        Map<String, Object> course = newEvent("course", "America/Chicago", "2025-08-25", "2025-12-05");
        String base = "api/events/" + course.get("id");
        ok(put(base + "/recurrence", null, Map.of("weekdays", List.of("FRIDAY"), "startTime", "15:00",
                "durationMinutes", 75, "firstDate", "2025-08-29", "lastDate", "2025-12-05",
                "excludedDates", List.of("2025-11-28"))));
        List<?> meetings = Lectern.JSON.fromJson(lectern.get(base + "/meetings"), List.class);
        assertEquals(14, meetings.size());
        Map<String, Object> lecture = ok(put(base + "/meetings/2025-10-03", null, Map.of(
                "title", "Guest lecture: FlashAttention", "kind", "guest-lecture", "speakers", List.of(guest.get("id")))));
        assertEquals("Guest lecture: FlashAttention", lecture.get("title"));
        assertEquals(Boolean.TRUE, ok(put(base + "/meetings/2025-10-10", null, Map.of("cancelled", true))).get("cancelled"));
        assertEquals("date", problemField(put(base + "/meetings/2025-10-11", null, Map.of("cancelled", true)), 422));
        try (Response dropped = lectern.target(base + "/meetings/2025-10-10").request().delete()) {
            assertEquals(204, dropped.getStatus());
        }
        assertEquals(Boolean.FALSE, Lectern.json(lectern.get(base + "/meetings/2025-10-10")).get("cancelled"));
        assertFalse(Lectern.json(lectern.get(base + "/recurrence")).isEmpty());
    }

    /** A cancelled talk and a cancelled meeting are cancelled in their own entries; a moved meeting starts anew. */
    @Test
    void cancelledItemsAndMeetingsAreCancelledInTheirOwnFeedEntries() throws Exception {
        Map<String, Object> workshop = newEvent("workshop", "Europe/London", "2026-06-24", "2026-06-24");
        String path = "api/events/" + workshop.get("id");
        ok(lectern.post(path + "/publish", Map.of()));
        Map<String, Object> session = lectern.create(path + "/sessions", Map.of("title", "Talks",
                "start", "2026-06-24T10:00", "end", "2026-06-24T12:00", "items", List.of(
                        Map.of("kind", "talk", "title", "Kept talk", "start", "2026-06-24T10:00", "end", "2026-06-24T11:00"),
                        Map.of("kind", "talk", "title", "Called-off talk", "start", "2026-06-24T11:00", "end", "2026-06-24T12:00"))));
        Map<String, Object> calledOff = Lectern.list(session.get("items")).stream()
                .filter(i -> "Called-off talk".equals(i.get("title"))).findFirst().orElseThrow();
        ok(put(path + "/items/" + calledOff.get("id"), null, Map.of("kind", "talk", "title", "Called-off talk",
                "start", "2026-06-24T11:00", "end", "2026-06-24T12:00", "cancelled", true)));
        String feed = lectern.awaitPublished("events/" + workshop.get("slug") + "/calendar.ics",
                f -> f.contains("STATUS:CANCELLED"), Duration.ofSeconds(30)).body();
        assertEquals("CANCELLED", property(entry(feed, "SUMMARY:Called-off talk"), "STATUS"), feed);
        assertEquals("CONFIRMED", property(entry(feed, "SUMMARY:Kept talk"), "STATUS"), feed);

        Map<String, Object> course = newEvent("course", "America/Chicago", "2025-08-25", "2025-12-05");
        String base = "api/events/" + course.get("id");
        ok(put(base + "/recurrence", null, Map.of("weekdays", List.of("FRIDAY"), "startTime", "15:00",
                "durationMinutes", 75, "firstDate", "2025-08-29", "lastDate", "2025-12-05")));
        ok(lectern.post(base + "/publish", Map.of()));
        ok(put(base + "/meetings/2025-10-10", null, Map.of("cancelled", true)));
        ok(put(base + "/meetings/2025-10-17", null, Map.of("start", "2025-10-16T15:00", "end", "2025-10-16T16:15")));
        String courseFeed = lectern.awaitPublished("events/" + course.get("slug") + "/calendar.ics",
                f -> f.contains("STATUS:CANCELLED") && f.contains("RECURRENCE-ID;TZID=America/Chicago:20251017T150000"),
                Duration.ofSeconds(30)).body();
        assertEquals("CANCELLED", property(entry(courseFeed, "RECURRENCE-ID;TZID=America/Chicago:20251010T150000"), "STATUS"));
        String moved = entry(courseFeed, "RECURRENCE-ID;TZID=America/Chicago:20251017T150000");
        assertEquals("CONFIRMED", property(moved, "STATUS"), moved);
        assertTrue(moved.contains("\r\nDTSTART;TZID=America/Chicago:20251016T150000\r\n"), "the moved meeting's start: " + moved);
        assertEquals("CONFIRMED", property(entry(courseFeed, "RRULE:"), "STATUS"), "the weekly rule is not cancelled");
    }

    /** The VEVENTs of a feed, each from BEGIN to END. */
    private static List<String> entries(String feed) {
        List<String> entries = new java.util.ArrayList<>();
        for (int begin; (begin = feed.indexOf("BEGIN:VEVENT\r\n")) >= 0; ) {
            int end = feed.indexOf("END:VEVENT\r\n", begin) + "END:VEVENT\r\n".length();
            entries.add(feed.substring(begin, end));
            feed = feed.substring(end);
        }
        return entries;
    }

    /** The one VEVENT of the feed with a line starting so. */
    private static String entry(String feed, String line) {
        List<String> matching = entries(feed).stream().filter(e -> e.contains("\r\n" + line)).toList();
        assertEquals(1, matching.size(), "entries with " + line + ":\n" + feed);
        return matching.get(0);
    }

    /** A property's value in one VEVENT. */
    private static String property(String entry, String name) {
        int at = entry.indexOf("\r\n" + name + ":");
        return at < 0 ? null : entry.substring(at + name.length() + 3, entry.indexOf("\r\n", at + 2));
    }

    private void awaitStatus(String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lectern.status(path) != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered " + status);
            }
            Thread.sleep(20);
        }
    }
}
