package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * Issue #7, guarantee 6: twenty clients change the items of one published event a thousand times,
 * each write conditional on the event's version (If-Match). No update is lost: every 200 raised
 * the version by exactly one, every item holds its client's last successful write and counts its
 * changes, and once publishing is idle the published frab schedule and feed show exactly the final
 * titles.
 */
class ConcurrentWritersIT {

    private static final int CLIENTS = 20;
    private static final int CHANGES = 1000;

    final Lectern lectern = new Lectern();

    /** What one client saw: its item, its last successful title, and its counts of 200s and 412s. */
    static final class Writer {
        final String itemId;
        String lastWritten;
        int successes;
        int stale;

        Writer(String itemId) {
            this.itemId = itemId;
        }
    }

    @Test
    void twentyClientsMakeAThousandChangesAndNoneIsLost() throws Exception {
        String slug = Lectern.unique("concurrent");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Concurrent writers",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2026-06-24", "endDate", "2026-06-24"));
        String eventPath = "api/events/" + event.get("id");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            items.add(Map.of("kind", "talk", "title", "Talk " + i, "start", time(i), "end", time(i + 1)));
        }
        lectern.create(eventPath + "/sessions", Map.of("title", "Talks", "start", time(0), "end", time(CLIENTS),
                "items", items));
        try (Response published = lectern.post(eventPath + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        Map<String, Object> before = Lectern.json(lectern.get(eventPath));
        long firstVersion = ((Number) before.get("version")).longValue();
        List<Writer> writers = Lectern.list(Lectern.list(before.get("sessions")).get(0).get("items")).stream()
                .map(item -> new Writer((String) item.get("id"))).toList();
        assertEquals(CLIENTS, writers.size());

        AtomicInteger remaining = new AtomicInteger(CHANGES);
        CyclicBarrier sameVersion = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                write(eventPath, client, writers.get(client), firstVersion, sameVersion, remaining);
                return null;
            }));
        }
        clients.shutdown();
        for (Future<?> client : running) {
            client.get();
        }

        int successes = writers.stream().mapToInt(w -> w.successes).sum();
        int stale = writers.stream().mapToInt(w -> w.stale).sum();
        assertTrue(successes >= CHANGES, "successful changes: " + successes);
        assertTrue(stale >= CLIENTS - 1, "the first round, all on one version, has one winner and 19 stale writes: " + stale);

        Map<String, Object> after = Lectern.json(lectern.get(eventPath));
        assertEquals(firstVersion + successes, ((Number) after.get("version")).longValue(),
                "each successful write is one new version, no more, no less");
        Map<String, Map<String, Object>> finalItems = new HashMap<>();
        Lectern.list(Lectern.list(after.get("sessions")).get(0).get("items"))
                .forEach(item -> finalItems.put((String) item.get("id"), item));
        for (Writer writer : writers) {
            Map<String, Object> item = finalItems.get(writer.itemId);
            if (writer.lastWritten != null) {
                assertEquals(writer.lastWritten, item.get("title"), "the item holds its client's last successful write");
            }
            assertEquals(writer.successes, ((Number) item.get("sequence")).intValue(),
                    "the item's sequence counts its successful changes");
        }

        lectern.awaitPublishingIdle(Duration.ofSeconds(120));
        TreeSet<String> finalTitles = new TreeSet<>();
        finalItems.values().forEach(item -> finalTitles.add((String) item.get("title")));
        String schedule = lectern.get("events/" + slug + "/schedule.json");
        assertEquals(finalTitles, titles(schedule, "\"title\":\\s*\"(Talk [^\"]*)\""),
                "the published frab schedule shows the final data");
        assertEquals(Set.of(String.valueOf(after.get("version"))), titles(schedule, "\"version\":\\s*\"(\\d+)\""),
                "the published schedule is of the final version");
        assertEquals(finalTitles, titles(lectern.get("events/" + slug + "/calendar.ics"), "SUMMARY:(Talk [^\\r\\n]*)"),
                "the published feed shows the final data");
    }

    /**
     * Twenty clients change their own item of one event at the same moment, without If-Match: they
     * asked for no precondition, so none is refused because another changed the event meanwhile
     * (a change that loses the race is made again on the new version); every change counts once.
     */
    @Test
    void changesWithoutIfMatchAreNeverRefusedForAnotherWritersChange() throws Exception {
        int rounds = 10;
        String eventPath = "api/events/" + lectern.create("api/events", Map.of("slug", Lectern.unique("unconditional"),
                "title", "Unconditional writers", "kind", "workshop", "timeZone", "Europe/London",
                "startDate", "2026-06-24", "endDate", "2026-06-24")).get("id");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            items.add(Map.of("kind", "talk", "title", "Talk " + i, "start", time(i), "end", time(i + 1)));
        }
        lectern.create(eventPath + "/sessions", Map.of("title", "Talks", "start", time(0), "end", time(CLIENTS),
                "items", items));
        Map<String, Object> before = Lectern.json(lectern.get(eventPath));
        List<String> itemIds = Lectern.list(Lectern.list(before.get("sessions")).get(0).get("items")).stream()
                .map(item -> (String) item.get("id")).toList();

        double conflictsBefore = conflictRetries();
        CyclicBarrier together = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Integer>>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                together.await();
                for (int round = 0; round < rounds; round++) {
                    try (Response response = lectern.target(eventPath + "/items/" + itemIds.get(client))
                            .request(MediaType.APPLICATION_JSON)
                            .put(Entity.json(Lectern.JSON.toJson(Map.of("kind", "talk", "title",
                                    "Talk " + client + " round " + round, "start", time(client), "end", time(client + 1)))))) {
                        response.readEntity(String.class);
                        statuses.add(response.getStatus());
                    }
                }
                return statuses;
            }));
        }
        clients.shutdown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> client : running) {
            statuses.addAll(client.get());
        }
        assertEquals(List.of(200), statuses.stream().distinct().toList(), "every unconditional change succeeds: " + statuses);
        // one server: the writers took turns (EventTurns), so none did its work for nothing
        assertEquals(conflictsBefore, conflictRetries(), "changes made again after losing the race to the version");

        Map<String, Object> after = Lectern.json(lectern.get(eventPath));
        assertEquals(((Number) before.get("version")).longValue() + CLIENTS * rounds,
                ((Number) after.get("version")).longValue(), "each change is one new version");
        for (Map<String, Object> item : Lectern.list(Lectern.list(after.get("sessions")).get(0).get("items"))) {
            int client = itemIds.indexOf((String) item.get("id"));
            assertEquals("Talk " + client + " round " + (rounds - 1), item.get("title"));
            assertEquals(rounds, ((Number) item.get("sequence")).intValue(), "the item counts its changes");
        }
    }

    private double conflictRetries() {
        return MetricsIT.sample(lectern.metrics(), "lectern_changes_retried_total", "reason=\"conflict\"").orElse(0.0);
    }

    /**
     * One client: a first write on the version all clients share (one of them wins), then
     * read-the-version-and-write until the thousand changes are made; 412 means read again.
     */
    private void write(String eventPath, int client, Writer writer, long firstVersion, CyclicBarrier sameVersion,
                       AtomicInteger remaining) throws Exception {
        long version = firstVersion;
        sameVersion.await();
        for (int attempt = 0; remaining.get() > 0; attempt++) {
            String title = "Talk " + client + " change " + attempt;
            try (Response response = lectern.target(eventPath + "/items/" + writer.itemId)
                    .request(MediaType.APPLICATION_JSON).header("If-Match", "\"" + version + "\"")
                    .put(Entity.json(Lectern.JSON.toJson(Map.of("kind", "talk", "title", title,
                            "start", time(client), "end", time(client + 1)))))) {
                String body = response.readEntity(String.class);
                if (response.getStatus() == 200) {
                    writer.successes++;
                    writer.lastWritten = title;
                    remaining.decrementAndGet();
                } else {
                    assertEquals(412, response.getStatus(), body);
                    writer.stale++;
                }
            }
            version = ((Number) Lectern.json(lectern.get(eventPath)).get("version")).longValue();
        }
    }

    private static String time(int slot) {
        return String.format("2026-06-24T%02d:%02d", 8 + slot / 2, slot % 2 * 30);
    }

    private static TreeSet<String> titles(String published, String pattern) {
        TreeSet<String> titles = new TreeSet<>();
        Matcher matcher = Pattern.compile(pattern).matcher(published);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }
}
