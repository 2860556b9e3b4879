package org.lectern.publishing.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;

import org.lectern.publishing.site.SitePublished;

/**
 * The body of a webhook request: a JSON notice that the site changed, e.g.
 * <pre>
 * {"id":"…","type":"site.published","schemaVersion":1,"occurredAt":"2026-06-24T09:20:00.123Z",
 *  "site":"https://events.example.org/","written":["events/x/index.html", …],"removed":[],
 *  "writtenCount":7,"removedCount":0,"truncated":false}
 * </pre>
 * Paths are relative to {@code site}. A rebuild writes every file, so each list is cut at
 * {@link #MAX_PATHS}; the counts are always complete and {@code truncated} says whether a list was cut.
 */
final class Notice {

    static final String TYPE = "site.published";
    static final int SCHEMA_VERSION = 1;
    static final int MAX_PATHS = 500;

    private Notice() {
    }

    /** The exact bytes that are signed and sent (UTF-8 JSON). */
    static byte[] body(String id, SitePublished change, URI site) {
        JsonObject notice = Json.createObjectBuilder()
                .add("id", id)
                .add("type", TYPE)
                .add("schemaVersion", SCHEMA_VERSION)
                .add("occurredAt", change.at().toString())
                .add("site", site.toString())
                .add("written", capped(change.written()))
                .add("removed", capped(change.removed()))
                .add("writtenCount", change.written().size())
                .add("removedCount", change.removed().size())
                .add("truncated", change.written().size() > MAX_PATHS || change.removed().size() > MAX_PATHS)
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriter(bytes)) { // UTF-8
            writer.write(notice);
        }
        return bytes.toByteArray();
    }

    private static JsonArrayBuilder capped(List<String> paths) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        paths.stream().limit(MAX_PATHS).forEach(array::add);
        return array;
    }
}
