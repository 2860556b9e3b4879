package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The people admin API on the running server, and what a person's removal does to the site. */
class PeopleIT {

    final Lectern lectern = new Lectern();

    static Map<String, Object> person(String name, String... affiliations) {
        return Map.of("name", name, "email", "private-" + Math.abs(name.hashCode()) + "@example.org",
                "affiliations", Arrays.stream(affiliations).map(a -> Map.of("name", a, "former", false)).toList(),
                "links", List.of(Map.of("label", "Homepage", "url", "https://example.org/" + Math.abs(name.hashCode()))));
    }

    Response put(String path, String ifMatch, Object body) {
        var request = lectern.target(path).request(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(Entity.json(Lectern.JSON.toJson(body)));
    }

    @Test
    void createReadSearchReplaceAndDelete() {
        String tag = Lectern.unique("lab");
        String name = "Ada " + tag;
        String path;
        try (Response created = lectern.post("api/people", person(name, "Edinburgh " + tag))) {
            assertEquals(201, created.getStatus());
            assertEquals("\"1\"", created.getHeaderString("ETag"));
            path = created.getLocation().getPath().substring(1);
        }
        Map<String, Object> read = Lectern.json(lectern.get(path));
        assertEquals(name, read.get("name"));
        assertTrue(((String) read.get("slug")).startsWith("ada-lab-"), read.toString());

        // search by name and by affiliation, both case-insensitive
        assertEquals(1, total("api/people?q=" + tag.toUpperCase()));
        assertEquals(1, total("api/people?q=edinburgh%20" + tag));
        assertEquals(0, total("api/people?q=" + tag + "-nobody"));

        try (Response replaced = put(path, "\"1\"", person(name + " Lovelace", "Cambridge " + tag))) {
            assertEquals(200, replaced.getStatus(), replaced.readEntity(String.class));
            assertEquals("\"2\"", replaced.getHeaderString("ETag"));
        }
        assertEquals(read.get("slug"), Lectern.json(lectern.get(path)).get("slug"), "the slug is stable");
        assertEquals(0, total("api/people?q=edinburgh%20" + tag));

        try (Response deleted = lectern.target(path).request().header("If-Match", "\"2\"").delete()) {
            assertEquals(204, deleted.getStatus());
        }
        assertEquals(404, lectern.status(path));
    }

    @Test
    void pagesAreStableAndComplete() {
        String tag = Lectern.unique("page");
        for (int i = 0; i < 5; i++) {
            lectern.create("api/people", person("Person " + i + " " + tag));
        }
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            Map<String, Object> page = Lectern.json(lectern.get("api/people?q=" + tag + "&limit=2&offset=" + offset));
            assertEquals(5, ((Number) page.get("total")).intValue());
            Lectern.list(page.get("items")).forEach(p -> seen.add((String) p.get("name")));
        }
        assertEquals(List.of("Person 0 " + tag, "Person 1 " + tag, "Person 2 " + tag, "Person 3 " + tag,
                "Person 4 " + tag), seen);
        try (Response bad = lectern.target("api/people").queryParam("limit", 0).request().get()) {
            assertEquals(400, bad.getStatus());
            assertTrue(bad.readEntity(String.class).contains("\"field\":\"limit\""));
        }
    }

    @Test
    void aWriteNeedsTheCurrentVersion() {
        Map<String, Object> created = lectern.create("api/people", person(Lectern.unique("Grace")));
        String path = "api/people/" + created.get("id");
        try (Response missing = put(path, null, person("Grace Hopper"))) {
            assertEquals(428, missing.getStatus());
            assertTrue(missing.readEntity(String.class).contains("\"field\":\"If-Match\""));
        }
        try (Response stale = put(path, "\"7\"", person("Grace Hopper"))) {
            assertEquals(412, stale.getStatus());
            assertEquals("application/problem+json", stale.getMediaType().toString());
        }
        try (Response deleteMissing = lectern.target(path).request().delete()) {
            assertEquals(428, deleteMissing.getStatus());
        }
        assertEquals(created.get("name"), Lectern.json(lectern.get(path)).get("name"), "nothing changed");
    }

    @Test
    void ofTwoConcurrentWritersOneWinsAndTheOtherIsToldNothingIsLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Map<String, Object> created = lectern.create("api/people", person(Lectern.unique("Race")));
                String path = "api/people/" + created.get("id");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> writes = new ArrayList<>();
                for (String writer : List.of("Writer A", "Writer B")) {
                    Callable<Response> write = () -> {
                        go.await();
                        return put(path, "\"1\"", person(writer));
                    };
                    writes.add(pool.submit(write));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (int i = 0; i < 2; i++) {
                    try (Response response = writes.get(i).get()) {
                        statuses.add(response.getStatus());
                        if (response.getStatus() == 200) {
                            winner = i == 0 ? "Writer A" : "Writer B";
                        } else {
                            assertEquals("application/problem+json", response.getMediaType().toString());
                        }
                    }
                }
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses, "round " + round);
                Map<String, Object> stored = Lectern.json(lectern.get(path));
                assertEquals(winner, stored.get("name"), "the stored person is the winner's write");
                assertEquals(2, ((Number) stored.get("version")).intValue());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unicodeNamesWorkEverywhereSlugsIncluded() {
        Map<String, Object> chinese = lectern.create("api/people", person("王小明 " + Lectern.unique("x")));
        assertTrue(((String) chinese.get("slug")).startsWith("王小明-x-"), chinese.toString());
        Map<String, Object> arabic = lectern.create("api/people", person("محمد علي " + Lectern.unique("y")));
        assertTrue(((String) arabic.get("slug")).startsWith("محمد-علي-y-"), arabic.toString());
        Map<String, Object> accented = lectern.create("api/people", person("Zoë Ångström " + Lectern.unique("z")));
        assertTrue(((String) accented.get("slug")).startsWith("zoe-angstrom-z-"), accented.toString());
        assertEquals(chinese.get("name"), Lectern.json(lectern.get("api/people/" + chinese.get("id"))).get("name"));
    }

    @Test
    void photosAreCheckedStoredServedAndRemoved() throws Exception {
        Map<String, Object> created = lectern.create("api/people", person(Lectern.unique("Photo")));
        String photo = "api/people/" + created.get("id") + "/photo";
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB), "png", png);

        try (Response put = lectern.target(photo).request().put(Entity.entity(png.toByteArray(), "image/png"))) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
        try (Response get = lectern.target(photo).request().get()) {
            assertEquals(200, get.getStatus());
            assertEquals("image/png", get.getMediaType().toString());
            assertArrayEquals(png.toByteArray(), get.readEntity(byte[].class));
        }
        Map<String, Object> withPhoto = Lectern.json(lectern.get("api/people/" + created.get("id")));
        assertEquals(2, ((Number) withPhoto.get("version")).intValue(), "a new photo is a new version");

        byte[] executable = Arrays.copyOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, 4096);
        try (Response renamed = lectern.target(photo).request().put(Entity.entity(executable, "image/png"))) {
            assertEquals(422, renamed.getStatus());
            assertTrue(renamed.readEntity(String.class).contains("\"field\":\"photo\""));
        }
        byte[] huge = Arrays.copyOf(png.toByteArray(), 2 * 1024 * 1024 + 1);
        try (Response tooLarge = lectern.target(photo).request().put(Entity.entity(huge, "image/png"))) {
            assertEquals(413, tooLarge.getStatus());
            assertEquals("application/problem+json", tooLarge.getMediaType().toString());
        }
        try (Response text = lectern.target(photo).request().put(Entity.entity("hello", MediaType.TEXT_PLAIN))) {
            assertEquals(415, text.getStatus());
            assertEquals("application/problem+json", text.getMediaType().toString());
        }
        try (Response still = lectern.target(photo).request().get()) {
            assertArrayEquals(png.toByteArray(), still.readEntity(byte[].class), "refused uploads changed nothing");
        }

        try (Response deleted = lectern.target(photo).request().delete()) {
            assertEquals(200, deleted.getStatus());
            assertNull(Lectern.json(deleted.readEntity(String.class)).get("photo"));
        }
        assertEquals(404, lectern.status(photo));
    }

    @Test
    void removingASpeakerLeavesTheTalkWithSpeakerToBeAnnounced() throws Exception {
        String name = Lectern.unique("Minjie Wang");
        Map<String, Object> speaker = lectern.create("api/people", person(name, "Amazon AI Lab"));
        String email = (String) speaker.get("email");
        String slug = Lectern.unique("removal");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Removal",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2024-06-26", "endDate", "2024-06-26"));
        lectern.post("api/events/" + event.get("id") + "/publish", Map.of()).close();
        lectern.create("api/events/" + event.get("id") + "/sessions", Map.of("title", "Supercomputers",
                "start", "2024-06-26T13:50:00", "end", "2024-06-26T15:50:00",
                "items", List.of(Map.of("kind", "talk", "title", "Deep Graph Library",
                        "start", "2024-06-26T13:50:00", "end", "2024-06-26T14:30:00",
                        "speakers", List.of(speaker.get("id"))))));
        String schedule = "events/" + slug + "/schedule/";
        String feed = "events/" + slug + "/calendar.ics";
        String page = lectern.awaitPublished(schedule, p -> p.contains(name + ", Amazon AI Lab"), Duration.ofSeconds(30)).body();
        assertFalse(page.contains(email), "the email is never published");
        // each file is replaced on its own: the feed may land a moment after the page
        String firstFeed = lectern.awaitPublished(feed, f -> f.contains("SUMMARY:Deep Graph Library"), Duration.ofSeconds(30)).body();
        assertFalse(firstFeed.contains(email), "the email is never published");

        try (Response deleted = lectern.target("api/people/" + speaker.get("id")).request()
                .header("If-Match", "\"1\"").delete()) {
            assertEquals(204, deleted.getStatus());
        }
        String after = lectern.awaitPublished(schedule, p -> p.contains("Speaker to be announced"), Duration.ofSeconds(30)).body();
        assertTrue(after.contains("Deep Graph Library"), "the talk keeps its place");
        assertFalse(after.contains(name));
        String newFeed = lectern.awaitPublished(feed, f -> f.contains("Speaker to be announced"), Duration.ofSeconds(30)).body();
        assertFalse(newFeed.contains(name));
        // their own page and feed go with them
        String ownPage = "people/" + speaker.get("slug") + "/";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lectern.status(ownPage) != 404 || lectern.status(ownPage + "calendar.ics") != 404) {
            assertTrue(System.nanoTime() < deadline, ownPage + " is still served after the person was deleted");
            Thread.sleep(50);
        }
        assertTrue(newFeed.contains("SEQUENCE:1"), newFeed);

        Map<String, Object> item = Lectern.list(Lectern.list(Lectern.json(lectern.get("api/events/" + event.get("id")))
                .get("sessions")).get(0).get("items")).get(0);
        assertEquals(List.of(), item.get("speakers"));
        assertEquals(Boolean.TRUE, item.get("speakerToBeAnnounced"));
    }

    private long total(String path) {
        return ((Number) Lectern.json(lectern.get(path)).get("total")).longValue();
    }
}
