package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** Bad input gets application/problem+json naming the field, and nothing is written. */
class ProblemsIT {

    final Lectern lectern = new Lectern();

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

    private static Map<String, Object> problem(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            assertEquals("application/problem+json", response.getMediaType().toString(), body);
            Map<String, Object> problem = Lectern.json(body);
            assertEquals(status, ((Number) problem.get("status")).intValue(), body);
            return problem;
        }
    }
}
