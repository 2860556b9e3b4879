package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A second person of a name that exists is a 409 with the candidates, unless asked for; races give no 500. */
class SameNamePeopleIT {

    final Lectern lectern = new Lectern();

    @BeforeAll
    static void theApplicationIsReady() throws InterruptedException {
        Health.awaitReadiness(new Lectern()::target, 200, Duration.ofMinutes(3));
    }

    @Test
    void aNameThatExistsBarCaseAccentsAndSpacingIsAConflictWithTheCandidates() {
        String tag = Lectern.unique("t").substring(2);
        Map<String, Object> first = lectern.create("api/people", Map.of("name", "Luo Mai " + tag,
                "affiliations", List.of(Map.of("name", "University of Edinburgh", "former", false))));
        long before = total(tag);
        try (Response again = create("  LUÓ   mai " + tag.toUpperCase(), "")) {
            String body = again.readEntity(String.class);
            assertEquals(409, again.getStatus(), body);
            assertEquals("application/problem+json", again.getMediaType().toString());
            Map<String, Object> problem = Lectern.json(body);
            List<Map<String, Object>> candidates = Lectern.list(problem.get("candidates"));
            assertEquals(List.of(first.get("id")), candidates.stream().map(c -> c.get("id")).toList(), body);
            assertEquals(List.of("University of Edinburgh"), candidates.get(0).get("affiliations"));
        }
        assertEquals(before, total(tag), "nothing written");
        try (Response meant = create("Luo Mai " + tag, "?duplicate=allow")) {
            String body = meant.readEntity(String.class);
            assertEquals(201, meant.getStatus(), body);
            assertEquals(first.get("slug") + "-2", Lectern.json(body).get("slug"));
        }
        try (Response unclear = create("Luo Mai " + tag, "?duplicate=yes")) {
            assertEquals(400, unclear.getStatus());
        }
    }

    @Test
    void twentyConcurrentCreatesOfOneNameGiveOnePersonAndNo500() throws Exception {
        String name = "Concurrent Person " + Lectern.unique("c").substring(2);
        List<Integer> plain = concurrently(name, "");
        assertEquals(1, plain.stream().filter(s -> s == 201).count(), "one person: " + plain);
        assertTrue(plain.stream().allMatch(s -> s == 201 || s == 409), "201 or 409 only: " + plain);

        String meant = "Twin " + Lectern.unique("c").substring(2);
        List<Integer> allowed = concurrently(meant, "?duplicate=allow");
        assertEquals(List.of(201), allowed.stream().distinct().toList(), "all created when asked for: " + allowed);
        assertEquals(20, total(meant.substring(5)));
    }

    private List<Integer> concurrently(String name, String query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            CyclicBarrier together = new CyclicBarrier(20);
            for (int i = 0; i < 20; i++) {
                Lectern own = new Lectern(); // a client (and connection) per writer
                creates.add(() -> {
                    together.await();
                    try (Response response = create(own, name, query)) {
                        String body = response.readEntity(String.class);
                        if (response.getStatus() >= 500) {
                            System.out.println("SameNamePeopleIT: " + response.getStatus() + " " + body);
                        }
                        return response.getStatus();
                    }
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(creates)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private Response create(String name, String query) {
        return create(lectern, name, query);
    }

    private static Response create(Lectern lectern, String name, String query) {
        return lectern.target("api/people" + query).request(MediaType.APPLICATION_JSON)
                .post(Entity.json(Lectern.JSON.toJson(Map.of("name", name))));
    }

    private long total(String text) {
        return ((Number) Lectern.json(lectern.get("api/people?q=" + text)).get("total")).longValue();
    }
}
