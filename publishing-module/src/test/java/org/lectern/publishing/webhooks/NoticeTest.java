package org.lectern.publishing.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.lectern.publishing.site.SitePublished;

class NoticeTest {

    @Test
    void namesWhatChangedAndWhere() {
        SitePublished change = new SitePublished(Instant.parse("2026-06-24T09:20:00.123Z"),
                List.of("events/ws-2026/calendar.ics", "events/ws-2026/index.html"), List.of("events/old"));
        JsonObject notice = read(Notice.body("n-1", change, URI.create("https://events.example.org/")));
        assertEquals("n-1", notice.getString("id"));
        assertEquals("site.published", notice.getString("type"));
        assertEquals(1, notice.getInt("schemaVersion"));
        assertEquals("2026-06-24T09:20:00.123Z", notice.getString("occurredAt"));
        assertEquals("https://events.example.org/", notice.getString("site"));
        assertEquals(change.written(), strings(notice, "written"));
        assertEquals(List.of("events/old"), strings(notice, "removed"));
        assertEquals(2, notice.getInt("writtenCount"));
        assertFalse(notice.getBoolean("truncated"));
    }

    @Test
    void longListsAreCutButCountedInFull() {
        List<String> everything = IntStream.range(0, Notice.MAX_PATHS + 20).mapToObj(i -> "people/p" + i + "/index.html").toList();
        JsonObject notice = read(Notice.body("n-2", new SitePublished(Instant.now(), everything, List.of()),
                URI.create("http://localhost:9080/")));
        assertEquals(Notice.MAX_PATHS, notice.getJsonArray("written").size());
        assertEquals(everything.size(), notice.getInt("writtenCount"));
        assertTrue(notice.getBoolean("truncated"));
    }

    private static JsonObject read(byte[] body) {
        return Json.createReader(new ByteArrayInputStream(body)).readObject();
    }

    private static List<String> strings(JsonObject notice, String name) {
        return notice.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
