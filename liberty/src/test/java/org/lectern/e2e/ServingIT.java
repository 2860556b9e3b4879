package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;

import org.junit.jupiter.api.Test;

/** How the site and feeds are served: content types, strong ETags, 304s. */
class ServingIT {

    final Lectern lectern = new Lectern();

    @Test
    void feedsAndPagesAnswerConditionalRequestsWith304() throws Exception {
        String slug = Lectern.unique("served");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Served",
                "kind", "workshop", "timeZone", "Asia/Kolkata", "startDate", "2025-01-10", "endDate", "2025-01-10"));
        lectern.post("api/events/" + event.get("id") + "/publish", Map.of()).close();
        String feedPath = "events/" + slug + "/calendar.ics";
        lectern.awaitPublished(feedPath, f -> f.contains("SUMMARY:Served"), Duration.ofSeconds(30));

        String etag;
        String lastModified;
        try (Response feed = lectern.target(feedPath).request().get()) {
            assertEquals(200, feed.getStatus());
            assertEquals("text/calendar; charset=utf-8", feed.getHeaderString("Content-Type").toLowerCase().replace(";charset", "; charset"));
            etag = feed.getHeaderString("ETag");
            lastModified = feed.getHeaderString("Last-Modified");
            assertNotNull(lastModified);
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        }
        try (Response again = lectern.target(feedPath).request().header("If-None-Match", etag).get()) {
            assertEquals(304, again.getStatus());
            assertEquals(etag, again.getHeaderString("ETag"));
        }
        try (Response since = lectern.target(feedPath).request().header("If-Modified-Since", lastModified).get()) {
            assertEquals(304, since.getStatus());
        }
        try (Response other = lectern.target(feedPath).request().header("If-None-Match", "\"something-else\"").get()) {
            assertEquals(200, other.getStatus());
        }
        try (Response page = lectern.target("events/" + slug + "/schedule/").request().get()) {
            assertEquals(200, page.getStatus());
            assertTrue(page.getHeaderString("Content-Type").startsWith("text/html"));
        }
        try (Response folder = lectern.target("events/" + slug + "/schedule")
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request().get()) {
            assertEquals(301, folder.getStatus());
            assertTrue(folder.getLocation().getPath().endsWith("/events/" + slug + "/schedule/"), folder.getLocation().toString());
        }
    }

    @Test
    void aChangeToOneEventLeavesAnotherEventsFeedBytesAndTagsAlone() throws Exception {
        String quiet = Lectern.unique("quiet");
        String busy = Lectern.unique("busy");
        for (String slug : List.of(quiet, busy)) {
            Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "T " + slug,
                    "kind", "workshop", "timeZone", "Europe/London", "startDate", "2025-06-01", "endDate", "2025-06-01"));
            lectern.post("api/events/" + event.get("id") + "/publish", Map.of()).close();
            lectern.awaitPublished("events/" + slug + "/calendar.ics", f -> f.contains("SUMMARY:T " + slug), Duration.ofSeconds(30));
        }
        String quietFeed = "events/" + quiet + "/calendar.ics";
        String etag;
        String lastModified;
        String bytes;
        try (Response before = lectern.target(quietFeed).request().get()) {
            etag = before.getHeaderString("ETag");
            lastModified = before.getHeaderString("Last-Modified");
            bytes = before.readEntity(String.class);
        }
        Thread.sleep(1100); // a rewrite would show in Last-Modified, which has whole seconds
        String busyId = (String) Lectern.list(Lectern.JSON.fromJson(lectern.get("api/events"), List.class)).stream()
                .filter(e -> busy.equals(e.get("slug"))).findFirst().orElseThrow().get("id");
        lectern.create("api/events/" + busyId + "/sessions", Map.of("title", "New", "start", "2025-06-01T10:00:00",
                "end", "2025-06-01T11:00:00", "items", List.of(Map.of("kind", "talk", "title", "Fresh talk",
                        "start", "2025-06-01T10:00:00", "end", "2025-06-01T11:00:00"))));
        lectern.awaitPublished("events/" + busy + "/calendar.ics", f -> f.contains("SUMMARY:Fresh talk"), Duration.ofSeconds(30));
        try (Response after = lectern.target(quietFeed).request().get()) {
            assertEquals(etag, after.getHeaderString("ETag"));
            assertEquals(lastModified, after.getHeaderString("Last-Modified"));
            assertEquals(bytes, after.readEntity(String.class));
        }
    }

    @Test
    void textIsGzippedForClientsThatAcceptItWithItsOwnTag() throws Exception {
        String slug = Lectern.unique("zipped");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Zipped",
                "kind", "workshop", "timeZone", "Europe/Paris", "startDate", "2025-02-10", "endDate", "2025-02-10"));
        lectern.post("api/events/" + event.get("id") + "/publish", Map.of()).close();
        String feedPath = "events/" + slug + "/calendar.ics";
        String plain = lectern.awaitPublished(feedPath, f -> f.contains("SUMMARY:Zipped"), Duration.ofSeconds(30)).body();
        String plainTag;
        try (Response identity = lectern.target(feedPath).request().get()) {
            plainTag = identity.getHeaderString("ETag");
            assertNull(identity.getHeaderString("Content-Encoding"));
            assertEquals("Accept-Encoding", identity.getHeaderString("Vary"));
        }
        String zippedTag;
        try (Response zipped = lectern.target(feedPath).request().header("Accept-Encoding", "gzip, deflate").get()) {
            assertEquals(200, zipped.getStatus());
            assertEquals("gzip", zipped.getHeaderString("Content-Encoding"));
            zippedTag = zipped.getHeaderString("ETag");
            byte[] body = zipped.readEntity(byte[].class);
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                assertEquals(plain, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertTrue(zippedTag.matches("\"[0-9a-f]{32}-gzip\""), zippedTag);
        assertTrue(!zippedTag.equals(plainTag), "each representation has its own strong tag");
        try (Response again = lectern.target(feedPath).request().header("Accept-Encoding", "gzip")
                .header("If-None-Match", zippedTag).get()) {
            assertEquals(304, again.getStatus());
        }
        try (Response refused = lectern.target(feedPath).request().header("Accept-Encoding", "gzip;q=0").get()) {
            assertNull(refused.getHeaderString("Content-Encoding"));
        }
    }

    @Test
    void unknownPathsAndPathsOutOfTheSiteAreNotServed() {
        assertEquals(404, lectern.status("events/no-such-event/schedule/"));
        int traversal = lectern.status("events/%2e%2e/%2e%2e/server.xml");
        assertTrue(traversal == 400 || traversal == 404, "a path out of the site is not served: " + traversal);
    }

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        String health = lectern.get("health/ready");
        Map<String, Object> json = Lectern.json(health);
        assertEquals("UP", json.get("status"), health);
        assertTrue(health.contains("\"name\":\"database\""), health);
        assertTrue(health.contains("\"name\":\"broker\""), health);
    }
}
