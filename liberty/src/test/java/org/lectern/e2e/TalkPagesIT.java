package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * A page per program item, through the real server: the schedule links to it, it carries the
 * facts and its one-item calendar, it follows an edit (its neighbours too), and it goes with its item;
 * a track's page and feed hold the track's talks.
 */
class TalkPagesIT {

    static final Duration PUBLISHED = Duration.ofSeconds(30);

    final Lectern lectern = new Lectern();

    @Test
    void theExampleWorkshopHasAPagePerTalk() {
        String schedule = lectern.get("events/effgenai-2024/schedule/");
        String page = talkPage(schedule, "Talk 1");
        String talk = lectern.get(page.substring(1));
        assertTrue(talk.contains("Woosuk Kwon"), talk);
        assertTrue(talk.contains("UC Berkely"), talk); // the example's own spelling
        assertTrue(talk.contains("Thursday 16 May 2024, 10:20\u201311:00"), talk);
        assertTrue(talk.contains("Europe/London (BST)"), talk);
        assertTrue(talk.contains("After: <a href=\"/events/effgenai-2024/talks/"), talk);
        // lunch is on the schedule without a link: there is nothing to say about it
        assertFalse(Pattern.compile("<a href=\"[^\"]+\">Lunch").matcher(schedule).find(), schedule);

        String ics = lectern.get(page.substring(1) + "talk.ics");
        assertEquals(1, ics.split("BEGIN:VEVENT", -1).length - 1, ics);
        String uid = line(ics, "UID:");
        assertTrue(lectern.get("events/effgenai-2024/calendar.ics").contains(uid + "\r\n"),
                "the talk's calendar has the event feed's UID for it: " + uid);
        // the speakers page and the person page link to the same talk page
        assertTrue(lectern.get("events/effgenai-2024/speakers/").contains("<a href=\"" + page + "\">"));
        assertTrue(lectern.get("people/woosuk-kwon/").contains("<a href=\"" + page + "\">"));
    }

    @Test
    void aTalkPageFollowsItsItemAndGoesWithIt() throws Exception {
        String slug = Lectern.unique("talks");
        String eventId = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Talk pages", "kind", "workshop",
                "timeZone", "Europe/Berlin", "startDate", "2030-03-04", "endDate", "2030-03-04")).get("id");
        String speakerId = (String) lectern.create("api/people", Map.of("name", Lectern.unique("Grace Hopper"),
                "affiliations", List.of(Map.of("name", "Yale", "former", false)))).get("id");
        put("api/events/" + eventId + "/program", Map.of("sessions", List.of(
                Map.of("title", "Compilers", "room", "Hall A", "start", "2030-03-04T10:00", "end", "2030-03-04T11:00", "items", List.of(
                        Map.of("kind", "talk", "title", "First steps", "start", "2030-03-04T10:00", "end", "2030-03-04T10:30",
                                "speakers", List.of(speakerId), "abstract", "We *compile*.", "track", "Compilers & Languages"),
                        Map.of("kind", "talk", "title", "Second thoughts", "start", "2030-03-04T10:30", "end", "2030-03-04T11:00",
                                "speakers", List.of()))),
                // the next session in the same room: its first talk's neighbour is the second talk above
                Map.of("title", "Runtimes", "room", "Hall A", "start", "2030-03-04T11:00", "end", "2030-03-04T11:30", "items", List.of(
                        Map.of("kind", "talk", "title", "Third way", "start", "2030-03-04T11:00", "end", "2030-03-04T11:30",
                                "speakers", List.of()))))));
        try (Response published = lectern.post("api/events/" + eventId + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        String schedule = lectern.awaitPublished("events/" + slug + "/schedule/", p -> p.contains("Second thoughts"), PUBLISHED).body();
        String first = talkPage(schedule, "First steps").substring(1);
        String second = talkPage(schedule, "Second thoughts").substring(1);
        String third = talkPage(schedule, "Third way").substring(1);
        String page = lectern.awaitPublished(first, p -> p.contains("After: <a href=\"/" + second + "\">Second thoughts</a>"),
                PUBLISHED).body();
        assertTrue(page.contains("<p>We <em>compile</em>.</p>"), page);
        assertTrue(page.contains("Hall A"), page);
        assertTrue(page.contains("Europe/Berlin (CET)"), page);

        // its track: a page listing the track's talks only, and the track's own feed
        String track = "events/" + slug + "/tracks/compilers-languages/";
        assertTrue(page.contains("href=\"/" + track + "\">Track: Compilers &amp; Languages</a>"), page);
        // each file is replaced on its own: the track's may land a moment after the talk's
        String trackPage = lectern.awaitPublished(track, p -> true, PUBLISHED).body();
        assertTrue(trackPage.contains(">First steps</a>") && !trackPage.contains("Second thoughts"), trackPage);
        String trackFeed = lectern.awaitPublished(track + "calendar.ics", p -> true, PUBLISHED).body();
        assertEquals(1, trackFeed.split("BEGIN:VEVENT", -1).length - 1, trackFeed);
        assertTrue(trackFeed.contains("SUMMARY:First steps"), trackFeed);

        // the organizer's loop: read the program, rename the second talk, write it back
        Map<String, Object> program = Lectern.json(lectern.get("api/events/" + eventId + "/program"));
        List<Map<String, Object>> items = items(program);
        items.get(1).put("title", "Second thoughts, revised");
        put("api/events/" + eventId + "/program", program);
        lectern.awaitPublished(second, p -> p.contains("<h1>Second thoughts, revised</h1>"), PUBLISHED);
        // its neighbours name it under its new title: in its session, and the first talk of the next
        // session in the room, which the change did not name
        lectern.awaitPublished(first, p -> p.contains(">Second thoughts, revised</a>"), PUBLISHED);
        lectern.awaitPublished(third, p -> p.contains("Before: <a href=\"/" + second + "\">Second thoughts, revised</a>"),
                PUBLISHED);

        // the second talk leaves the program: its page goes
        program = Lectern.json(lectern.get("api/events/" + eventId + "/program"));
        items(program).remove(1);
        put("api/events/" + eventId + "/program", program);
        lectern.awaitPublished(first, p -> p.contains("After: <a href=\"/" + third + "\">Third way</a>"), PUBLISHED);
        lectern.awaitPublishingIdle(PUBLISHED);
        assertEquals(404, lectern.status(second));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> program) {
        Map<String, Object> session = ((List<Map<String, Object>>) program.get("sessions")).get(0);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<?>) session.get("items")) {
            items.add(new LinkedHashMap<>((Map<String, Object>) item));
        }
        session.put("items", items);
        return items;
    }

    private void put(String path, Object body) {
        try (Response response = lectern.put(path, body)) {
            assertTrue(response.getStatus() / 100 == 2, path + ": " + response.getStatus() + " " + response.readEntity(String.class));
        }
    }

    /** The address the schedule links the item of this title to. */
    private static String talkPage(String schedule, String title) {
        Matcher link = Pattern.compile("<a href=\"(/events/[^\"]+/talks/[0-9a-f-]+/)\">" + Pattern.quote(title) + "</a>")
                .matcher(schedule);
        assertTrue(link.find(), "no link to " + title + " on\n" + schedule);
        return link.group(1);
    }

    private static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in\n" + ics));
    }
}
