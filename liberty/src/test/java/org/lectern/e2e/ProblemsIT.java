package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets application/problem+json naming the field, and nothing is written. */
class ProblemsIT {

    final Lectern lectern = new Lectern();

    /** The server may answer before the application has started (a loaded machine): wait for it. */
    @BeforeAll
    static void theApplicationIsReady() throws InterruptedException {
        Health.awaitReadiness(new Lectern()::target, 200, java.time.Duration.ofMinutes(3));
    }

    @Test
    void anUnknownTimeZoneIsRefusedNamingTheField() {
        String slug = Lectern.unique("zone");
        Map<String, Object> problem = problem(lectern.post("api/events", Map.of("slug", slug, "title", "T",
                "kind", "workshop", "timeZone", "Mars/Olympus_Mons", "startDate", "2025-01-10", "endDate", "2025-01-10")), 422);
        assertEquals("timeZone", Lectern.list(problem.get("errors")).get(0).get("field"));
        assertEquals(0, lectern.get("api/events").split(slug, -1).length - 1, "nothing written");
    }

    @Test
    void missingFieldsAreAllNamed() {
        Map<String, Object> problem = problem(lectern.post("api/people", Map.of(
                "affiliations", List.of(Map.of("former", true)), "homepage", "javascript:alert(1)")), 422);
        List<String> fields = Lectern.list(problem.get("errors")).stream().map(e -> (String) e.get("field")).toList();
        assertEquals(List.of("affiliations[0].name", "homepage", "name"), fields);
    }

    @Test
    void aSpeakerWhoDoesNotExistIsRefusedAndTheProgramIsUntouched() {
        String slug = Lectern.unique("speakers");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "T",
                "kind", "workshop", "timeZone", "America/Chicago", "startDate", "2025-11-07", "endDate", "2025-11-07"));
        String sessions = "api/events/" + event.get("id") + "/sessions";
        Map<String, Object> problem = problem(lectern.post(sessions, Map.of("title", "S",
                "start", "2025-11-07T15:00:00", "end", "2025-11-07T16:15:00",
                "items", List.of(Map.of("kind", "invited talk", "title", "Guest lecture",
                        "start", "2025-11-07T15:00:00", "end", "2025-11-07T16:15:00",
                        "speakers", List.of(UUID.randomUUID().toString()))))), 422);
        assertEquals("items[0].speakers", Lectern.list(problem.get("errors")).get(0).get("field"));
        assertTrue(Lectern.list(Lectern.json(lectern.get("api/events/" + event.get("id"))).get("sessions")).isEmpty());
    }

    @Test
    void aSessionOutsideTheEventsDatesIsRefused() {
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", Lectern.unique("dates"), "title", "T",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2024-06-26", "endDate", "2024-06-27"));
        Map<String, Object> problem = problem(lectern.post("api/events/" + event.get("id") + "/sessions", Map.of(
                "title", "S", "start", "2024-06-28T09:00:00", "end", "2024-06-28T10:00:00")), 422);
        assertEquals("start", Lectern.list(problem.get("errors")).get(0).get("field"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Response response = lectern.target("api/events").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity("{\"slug\": \"oops\", ", MediaType.APPLICATION_JSON));
        problem(response, 400);
    }

    @Test
    void anUnknownEventIsANotFoundProblem() {
        problem(lectern.target("api/events/" + UUID.randomUUID()).request().get(), 404);
    }

    // ---- bodies read strictly: nothing silently dropped, no internals (issue 18)

    @Test
    void aMisspeltFieldOfAnItemIsRefusedNamingItWithTheKnownOneAndNothingIsWritten() {
        String[] item = eventWithOneItem();
        Read before = read(item[0]);
        Map<String, Object> body = Lectern.json(before.body());
        body.put("speekers", body.remove("speakers"));
        Map<String, Object> problem = problem(write(item[0], before.etag(), body), 400);
        assertEquals("speekers", field(problem));
        assertTrue(problem.get("detail").toString().contains("speakers"), "suggests the known field: " + problem);
        assertEquals(before.etag(), read(item[0]).etag(), "nothing written");
    }

    @Test
    void anUnknownFieldDeepInASessionIsNamedByItsPath() {
        String[] item = eventWithOneItem();
        Read before = read(item[1]);
        Map<String, Object> session = Lectern.json(before.body());
        Lectern.list(session.get("items")).get(0).put("colour", "red");
        Map<String, Object> problem = problem(write(item[1], before.etag(), session), 400);
        assertEquals("items[0].colour", field(problem));
        assertEquals(before.etag(), read(item[1]).etag(), "nothing written");
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedFormInWords() {
        String[] item = eventWithOneItem();
        Read before = read(item[0]);
        Map<String, Object> body = Lectern.json(before.body());
        body.put("end", "10:40");
        Map<String, Object> problem = problem(write(item[0], before.etag(), body), 400);
        assertEquals("end", field(problem));
        assertTrue(problem.get("detail").toString().contains("expected a local time like 2026-06-24T10:40"), problem.toString());
        body.put("end", List.of(1, 2));
        assertEquals("end", field(problem(write(item[0], before.etag(), body), 400)));
        body.put("end", "2026-06-24T10:40");
        body.put("speakers", "everyone");
        assertEquals("speakers", field(problem(write(item[0], before.etag(), body), 400)));
        assertEquals(before.etag(), read(item[0]).etag(), "nothing written");
    }

    @Test
    void anUnknownKindOfPersonNamesTheKinds() {
        Map<String, Object> problem = problem(lectern.post("api/people", Map.of("name", "R. Daneel", "kind", "ROBOT")), 400);
        assertEquals("kind", field(problem));
        assertTrue(problem.get("detail").toString().contains("PERSON"), problem.toString());
    }

    @Test
    void anExtremeDateIsRefusedNamingTheField() {
        String slug = Lectern.unique("extreme");
        Map<String, Object> problem = problem(lectern.post("api/events", Map.of("slug", slug, "title", "T",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "+999999999-01-01", "endDate", "2026-01-01")), 400);
        assertEquals("startDate", field(problem));
        assertEquals(0, lectern.get("api/events").split(slug, -1).length - 1, "nothing written");
    }

    @Test
    void jsonNestedAThousandDeepIsABadRequest() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        Response response = lectern.target("api/people").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity("{\"name\": \"Deep\", \"links\": " + deep + "}", MediaType.APPLICATION_JSON));
        assertEquals("links", field(problem(response, 400)));
    }

    @Test
    void anOversizeValueIsRefusedWithoutEchoingIt() {
        String huge = "x".repeat(2_000_000);
        Response response = lectern.post("api/people", Map.of("name", huge));
        String body;
        try (response) {
            body = response.readEntity(String.class);
            assertEquals(413, response.getStatus(), body.length() > 500 ? body.substring(0, 500) : body);
        }
        assertTrue(body.length() < 2000, "a bounded answer: " + body.length() + " characters");
        Response longKey = lectern.post("api/people", Map.of("name", "N", "k".repeat(100_000), 1));
        try (longKey) {
            String text = longKey.readEntity(String.class);
            assertEquals(400, longKey.getStatus(), text.length() > 500 ? text.substring(0, 500) : text);
            assertTrue(text.length() < 2000, "a bounded answer: " + text.length() + " characters");
        }
    }

    /** An event with a session holding one talk: {item path, session path}. */
    private String[] eventWithOneItem() {
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", Lectern.unique("strict"), "title", "T",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2026-06-24", "endDate", "2026-06-24"));
        String speaker = (String) lectern.create("api/people", Map.of("name", Lectern.unique("Strict Speaker"))).get("id");
        Map<String, Object> session = lectern.create("api/events/" + event.get("id") + "/sessions", Map.of("title", "S",
                "start", "2026-06-24T10:00", "end", "2026-06-24T11:00", "items", List.of(Map.of("kind", "talk",
                        "title", "Talk", "start", "2026-06-24T10:20", "end", "2026-06-24T10:40", "speakers", List.of(speaker)))));
        String base = "api/events/" + event.get("id");
        return new String[] {base + "/items/" + Lectern.list(session.get("items")).get(0).get("id"),
                base + "/sessions/" + session.get("id")};
    }

    record Read(String body, String etag) {
    }

    private Read read(String path) {
        try (Response response = lectern.target(path).request(MediaType.APPLICATION_JSON).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), path + ": " + body);
            return new Read(body, response.getHeaderString("ETag"));
        }
    }

    private Response write(String path, String etag, Object body) {
        return lectern.target(path).request(MediaType.APPLICATION_JSON).header("If-Match", etag)
                .put(Entity.json(Lectern.JSON.toJson(body)));
    }

    private static String field(Map<String, Object> problem) {
        assertTrue(problem.get("errors") != null, "errors[] names the field: " + problem);
        return (String) Lectern.list(problem.get("errors")).get(0).get("field");
    }

    private static Map<String, Object> problem(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            assertEquals("application/problem+json", response.getMediaType().toString(), body);
            for (String internal : List.of("org.", "java.", "RESTEASY", "Yasson", "jakarta.")) {
                assertFalse(body.contains(internal), "no internals (" + internal + "): " + body);
            }
            Map<String, Object> problem = Lectern.json(body);
            assertEquals(status, ((Number) problem.get("status")).intValue(), body);
            return problem;
        }
    }
}
