package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * The event home, speakers and person pages on the running server, and the reach of one change:
 * a speaker's new affiliation rewrites every page and feed that shows them, and nothing else.
 */
class SitePagesIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    final Lectern lectern = new Lectern();

    @Test
    void aNewAffiliationRewritesEveryPageThatShowsThePersonAndNothingElse() throws Exception {
        String name = Lectern.unique("Mirella Lapata");
        Map<String, Object> speaker = lectern.create("api/people", Map.of("name", name,
                "email", "mirella-secret@example.org",
                "bio", "Works on **language**. <script>alert(1)</script>",
                "affiliations", List.of(Map.of("name", "University of Edinburgh", "former", false))));
        Map<String, Object> organizer = lectern.create("api/people", Map.of("name", Lectern.unique("Luo Mai"),
                "affiliations", List.of(Map.of("name", "University of Edinburgh", "former", false))));
        String personSlug = (String) speaker.get("slug");
        String organizerSlug = (String) organizer.get("slug");
        uploadPhoto((String) organizer.get("id"));

        String talkEvent = publishedEventWithTalk("Language models", speaker.get("id"));
        String otherEvent = publishedEventWithTalk("Unrelated talk", null);
        String talkEventId = eventId(talkEvent);
        try (Response committee = lectern.target("api/events/" + talkEventId + "/committee").request()
                .header("If-Match", "\"" + version(talkEventId) + "\"")
                .put(Entity.json(Lectern.JSON.toJson(List.of(Map.of("name", "Organizers",
                        "members", List.of(Map.of("person", organizer.get("id"), "role", "General chair")))))))) {
            assertEquals(200, committee.getStatus(), committee.readEntity(String.class));
        }

        String home = "events/" + talkEvent + "/";
        String speakers = "events/" + talkEvent + "/speakers/";
        String schedule = "events/" + talkEvent + "/schedule/";
        String personPage = "people/" + personSlug + "/";
        String organizerPage = "people/" + organizerSlug + "/";
        String homeHtml = lectern.awaitPublished(home, p -> p.contains("General chair"), WAIT).body();
        assertTrue(homeHtml.contains("href=\"/people/" + organizerSlug + "/\""), homeHtml);
        assertTrue(homeHtml.contains("<img src=\"/assets/photos/"), "the organizer's photo: " + homeHtml);
        String photoPath = homeHtml.replaceFirst("(?s).*<img src=\"/(assets/photos/[0-9a-f]{64}\\.png)\".*", "$1");
        try (Response photo = lectern.target(photoPath).request().get()) {
            assertEquals(200, photo.getStatus());
            assertEquals("image/png", photo.getMediaType().toString());
        }
        String speakersHtml = lectern.awaitPublished(speakers, p -> p.contains(name), WAIT).body();
        // each part links to its talk page, which shows the speaker too
        java.util.regex.Matcher part = java.util.regex.Pattern
                .compile("Speaker: <a href=\"/(events/[^\"]+/talks/[0-9a-f-]+/)\">Language models</a>").matcher(speakersHtml);
        assertTrue(part.find(), speakersHtml);
        String talkPage = part.group(1);
        assertTrue(speakersHtml.contains("Works on <strong>language</strong>."), speakersHtml);
        assertFalse(speakersHtml.contains("<script>"), speakersHtml);
        String personHtml = lectern.awaitPublished(personPage, p -> p.contains("Language models"), WAIT).body();
        assertTrue(personHtml.contains("webcal://"), personHtml);
        lectern.awaitPublished(organizerPage, p -> p.contains("Committee: Organizers"), WAIT);
        for (String page : List.of(homeHtml, speakersHtml, personHtml)) {
            assertFalse(page.contains("mirella-secret"), "emails are never published");
        }

        // everything of both events and both people, before the change
        List<String> showing = List.of(schedule, speakers, personPage, "events/" + talkEvent + "/calendar.ics",
                "people/" + personSlug + "/calendar.ics", talkPage);
        // the frab exports name speakers without affiliations, so their bytes stay as they are
        List<String> notShowing = List.of(home, organizerPage, "events/" + talkEvent + "/schedule.xml",
                "events/" + talkEvent + "/schedule.json", "events/" + otherEvent + "/",
                "events/" + otherEvent + "/schedule/", "events/" + otherEvent + "/speakers/",
                "events/" + otherEvent + "/calendar.ics", "index.html", "calendar.ics");
        lectern.awaitPublishingIdle(Duration.ofSeconds(60));
        Map<String, String> before = etags(showing, notShowing);
        Thread.sleep(1100); // Last-Modified has whole seconds

        try (Response changed = lectern.target("api/people/" + speaker.get("id")).request()
                .header("If-Match", "\"1\"").put(Entity.json(Lectern.JSON.toJson(Map.of("name", name,
                        "email", "mirella-secret@example.org", "bio", "Works on **language**. <script>alert(1)</script>",
                        "affiliations", List.of(Map.of("name", "Google DeepMind", "former", false),
                                Map.of("name", "University of Edinburgh", "former", true))))))) {
            assertEquals(200, changed.getStatus(), changed.readEntity(String.class));
        }
        lectern.awaitPublished(schedule, p -> p.contains(name + ", Google DeepMind"), WAIT);
        lectern.awaitPublished(speakers, p -> p.contains("Google DeepMind"), WAIT);
        String newPerson = lectern.awaitPublished(personPage, p -> p.contains("Google DeepMind"), WAIT).body();
        assertTrue(newPerson.contains("Formerly University of Edinburgh"), newPerson);
        lectern.awaitPublished("events/" + talkEvent + "/calendar.ics", f -> f.contains("Google DeepMind"), WAIT);
        lectern.awaitPublished("people/" + personSlug + "/calendar.ics", f -> f.contains("Google DeepMind"), WAIT);
        lectern.awaitPublished(talkPage, p -> p.contains("Google DeepMind"), WAIT);
        lectern.awaitPublishingIdle(Duration.ofSeconds(60));

        Map<String, String> after = etags(showing, notShowing);
        for (String path : showing) {
            assertNotEquals(before.get(path), after.get(path), path + " shows the person and must change");
        }
        for (String path : notShowing) {
            assertEquals(before.get(path), after.get(path), path + " does not show the affiliation and must not be rewritten");
        }
    }

    private Map<String, String> etags(List<String> first, List<String> second) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String path : concat(first, second)) {
            try (Response response = lectern.target(path).request().get()) {
                assertEquals(200, response.getStatus(), path);
                tags.put(path, response.getHeaderString("ETag") + " " + response.getHeaderString("Last-Modified"));
            }
        }
        return tags;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private String publishedEventWithTalk(String talk, Object speakerId) throws InterruptedException {
        String slug = Lectern.unique("pages");
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Pages " + talk,
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2030-06-26", "endDate", "2030-06-26")).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        Map<String, Object> item = new LinkedHashMap<>(Map.of("kind", "talk", "title", talk,
                "start", "2030-06-26T10:00:00", "end", "2030-06-26T10:40:00"));
        if (speakerId != null) {
            item.put("speakers", List.of(speakerId));
        }
        lectern.create("api/events/" + id + "/sessions", Map.of("title", "Morning", "start", "2030-06-26T10:00:00",
                "end", "2030-06-26T12:00:00", "items", List.of(item)));
        lectern.awaitPublished("events/" + slug + "/calendar.ics", f -> f.contains("SUMMARY:" + talk), WAIT);
        return slug;
    }

    private String eventId(String slug) {
        return (String) Lectern.list(Lectern.JSON.fromJson(lectern.get("api/events"), List.class)).stream()
                .filter(e -> slug.equals(e.get("slug"))).findFirst().orElseThrow().get("id");
    }

    private long version(String eventId) {
        return ((Number) Lectern.json(lectern.get("api/events/" + eventId)).get("version")).longValue();
    }

    private void uploadPhoto(String personId) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        try (Response put = lectern.target("api/people/" + personId + "/photo").request()
                .put(Entity.entity(png.toByteArray(), "image/png"))) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
    }
}
