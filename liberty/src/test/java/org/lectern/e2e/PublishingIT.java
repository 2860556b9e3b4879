package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The publishing admin API and the batching of renders, against the running server. */
class PublishingIT {

    final Lectern lectern = new Lectern();

    @Test
    void aBurstOfChangesRendersInFewerBatchesThanChangesAndEndsOnTheLastState() throws Exception {
        int events = 8;
        int changesEach = 6;
        List<String[]> targets = new ArrayList<>(); // slug, session path
        for (int e = 0; e < events; e++) {
            String slug = Lectern.unique("burst");
            String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Burst " + e,
                    "kind", "workshop", "timeZone", "Europe/Berlin", "startDate", "2025-09-01", "endDate", "2025-09-01")).get("id");
            lectern.post("api/events/" + id + "/publish", Map.of()).close();
            String session;
            try (Response created = lectern.post("api/events/" + id + "/sessions", session("v0"))) {
                assertEquals(201, created.getStatus());
                session = created.getLocation().getPath().substring(1);
            }
            lectern.awaitPublished("events/" + slug + "/calendar.ics", f -> f.contains("SUMMARY:Talk v0"), Duration.ofSeconds(60));
            targets.add(new String[] {slug, session});
        }
        long rendersBefore = renders();

        ExecutorService clients = Executors.newFixedThreadPool(events);
        List<Future<?>> done = new ArrayList<>();
        for (String[] target : targets) {
            done.add(clients.submit(() -> {
                Lectern own = new Lectern();
                for (int c = 1; c <= changesEach; c++) {
                    try (Response changed = own.put(target[1], session("v" + c))) {
                        assertEquals(200, changed.getStatus(), changed.readEntity(String.class));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();

        // every feed and page ends on the last change, never on an earlier one
        for (String[] target : targets) {
            String last = "Talk v" + changesEach;
            lectern.awaitPublished("events/" + target[0] + "/calendar.ics", f -> f.contains("SUMMARY:" + last), Duration.ofSeconds(60));
            String page = lectern.awaitPublished("events/" + target[0] + "/schedule/", p -> p.contains(last), Duration.ofSeconds(60)).body();
            assertTrue(!page.contains("Talk v" + (changesEach - 1)), page);
        }
        Map<String, Object> status = lectern.awaitPublishingIdle(Duration.ofSeconds(30));
        long batches = renders() - rendersBefore;
        System.out.printf("%d changes to %d events published in %d render batches%n", events * changesEach, events, batches);
        assertTrue(batches < events * changesEach, "renders were not batched: " + batches);
        assertEquals(0, ((Number) status.get("lagMillis")).longValue(), status.toString());
    }

    @Test
    void aRebuildPutsBackAFileThatWentMissing() throws Exception {
        String slug = Lectern.unique("rebuilt");
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Rebuilt",
                "kind", "tutorial", "timeZone", "UTC", "startDate", "2025-05-05", "endDate", "2025-05-05")).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        String feed = "events/" + slug + "/calendar.ics";
        String before = lectern.awaitPublished(feed, f -> f.contains("SUMMARY:Rebuilt"), Duration.ofSeconds(60)).body();

        Path file = Path.of(System.getProperty("lectern.server.dir"), "site", "events", slug, "calendar.ics");
        Files.delete(file);
        assertEquals(404, lectern.status(feed));

        try (Response accepted = lectern.post("api/publishing/rebuild", Map.of())) {
            assertEquals(202, accepted.getStatus());
        }
        String after = lectern.awaitPublished(feed, f -> f.contains("SUMMARY:Rebuilt"), Duration.ofSeconds(60)).body();
        assertEquals(before, after);

        // the manifest records the file with the tag it is served with
        String servedTag;
        try (Response served = lectern.target(feed).request().get()) {
            servedTag = served.getHeaderString("ETag");
        }
        List<Map<String, Object>> manifest = Lectern.list(Lectern.JSON.fromJson(lectern.get("api/publishing/manifest"), List.class));
        Map<String, Object> entry = manifest.stream().filter(e -> feed.equals(e.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError(feed + " is not in the manifest"));
        assertEquals(servedTag, entry.get("etag"));
        assertEquals(64, ((String) entry.get("sha256")).length());
        assertEquals(after.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, ((Number) entry.get("size")).intValue());
        assertTrue(manifest.stream().noneMatch(e -> ((String) e.get("path")).contains("/.")), "no temporary files");
    }

    private static Map<String, Object> session(String version) {
        return Map.of("title", "Session", "start", "2025-09-01T10:00:00", "end", "2025-09-01T11:00:00",
                "items", List.of(Map.of("kind", "talk", "title", "Talk " + version,
                        "start", "2025-09-01T10:00:00", "end", "2025-09-01T11:00:00")));
    }

    private long renders() {
        return ((Number) Lectern.json(lectern.get("api/publishing/status")).get("renders")).longValue();
    }
}
