package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** frab schedules imported through the API: every dataset, counts, and a re-import that adds nothing. */
class ImportIT {

    static final Path DATASETS = Path.of("..", "..", "shared", "datasets", "frab");

    final Lectern lectern = new Lectern();

    Response importFile(String file, String type, String query) throws Exception {
        return lectern.target("api/imports/frab?" + query).request()
                .post(Entity.entity(Files.readAllBytes(DATASETS.resolve(file)), type));
    }

    @ParameterizedTest
    @CsvSource({
            "fosdem_2021.xml, application/xml, Europe/Brussels, 773, 106",
            "36c3_merged.xml, application/xml, Europe/Berlin, 1351, 90",
            "debconf23.xml, text/xml, UTC, 117, 5",
            "frab-camp2019.json, application/json, UTC, 79, 2",
            "pretalx-democon.json, application/json, UTC, 36, 2"})
    void everyDatasetImportsWithItsTalksRoomsAndPeople(String file, String type, String zone, int talks, int rooms)
            throws Exception {
        String slug = Lectern.unique("import");
        Map<String, Object> report;
        try (Response created = importFile(file, type, "timeZone=" + zone + "&slug=" + slug)) {
            String body = created.readEntity(String.class);
            assertEquals(201, created.getStatus(), body);
            report = Lectern.json(body);
        }
        assertEquals(talks, ((Number) report.get("items")).intValue());
        // the rooms that hold talks (FOSDEM declares 108, two without talks; 36c3 spells two rooms two ways)
        assertEquals(rooms, ((Number) report.get("rooms")).intValue(), "rooms");
        assertTrue(((Number) report.get("people")).intValue() > 0);
        Map<String, Object> event = Lectern.json(lectern.get("api/events/" + report.get("eventId")));
        assertEquals("DRAFT", event.get("status"), "an import does not publish");
        assertEquals("conference", event.get("kind"));
        int items = Lectern.list(Lectern.JSON.fromJson(lectern.get("api/events/" + report.get("eventId") + "/items"),
                List.class)).size();
        assertEquals(talks, items);
    }

    @Test
    void aReimportRevisesInsteadOfDuplicatingAndThePeopleAreRegistered() throws Exception {
        String slug = Lectern.unique("democon");
        Map<String, Object> first;
        try (Response created = importFile("pretalx-democon.json", "application/json", "slug=" + slug)) {
            assertEquals(201, created.getStatus());
            first = Lectern.json(created.readEntity(String.class));
        }
        try (Response again = importFile("pretalx-democon.json", "application/json", "slug=" + slug)) {
            String body = again.readEntity(String.class);
            assertEquals(200, again.getStatus(), body);
            Map<String, Object> second = Lectern.json(body);
            assertEquals(first.get("eventId"), second.get("eventId"));
            assertEquals(0, ((Number) second.get("itemsChanged")).intValue());
        }
        List<?> items = Lectern.JSON.fromJson(lectern.get("api/events/" + first.get("eventId") + "/items"), List.class);
        assertEquals(36, items.size());

        // the people module registered the speakers (asynchronously, from the import's message; it
        // may queue behind the thousands of people the other imports of this suite registered)
        Map<String, Object> item = Lectern.list(items).stream()
                .filter(i -> !((List<?>) i.get("speakers")).isEmpty()).findFirst().orElseThrow();
        String speaker = (String) ((List<?>) item.get("speakers")).get(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lectern.status("api/people/" + speaker) != 200) {
            assertTrue(System.nanoTime() < deadline, "speaker " + speaker + " never registered");
            Thread.sleep(50);
        }
    }

    @Test
    void hostileOrBrokenFilesAreRefusedWithAProblem() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<schedule><conference><title>&x;</title></conference></schedule>";
        try (Response refused = lectern.target("api/imports/frab").request().post(Entity.entity(xxe, "application/xml"))) {
            String body = refused.readEntity(String.class);
            assertEquals(422, refused.getStatus(), body);
            assertTrue(body.contains("DOCTYPE is not allowed"), body);
            assertTrue(!body.contains("root:"), "nothing of /etc/passwd leaks");
        }
        try (Response broken = lectern.target("api/imports/frab").request().post(Entity.entity("{\"schedule\": [", "application/json"))) {
            assertEquals(422, broken.getStatus());
            assertTrue(broken.readEntity(String.class).contains("\"field\":\"file\""));
        }
    }
}
