package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * Issue #7, guarantee 6: twenty clients race to change one item of a published event a thousand
 * times, each write conditional on the event's version (If-Match). No update is lost: on every
 * version exactly one write won (the others were refused 412), every win raised the version by
 * exactly one, the item holds the last winner's title and counts the wins, and once publishing is
 * idle the published frab schedule and feed show exactly that title.
 */
class ConcurrentWritersIT {

    private static final int CLIENTS = 20;
    private static final int CHANGES = 1000;

    final Lectern lectern = new Lectern();

    /** Every write that won, by the version it was conditional on: one title each, or a lost update. */
    final Map<Long, List<String>> winsByVersion = new ConcurrentHashMap<>();
    /** Refusals of writes conditional on the version all clients began with. */
    final AtomicInteger refusedOnTheFirstVersion = new AtomicInteger();

    @Test
    void twentyClientsRaceForOneItemAThousandTimesAndExactlyOneWinsEachVersion() throws Exception {
        String slug = Lectern.unique("concurrent");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Concurrent writers",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2026-06-24", "endDate", "2026-06-24"));
        String eventPath = "api/events/" + event.get("id");
        lectern.create(eventPath + "/sessions", Map.of("title", "Talks", "start", time(0), "end", time(2),
                "items", List.of(Map.of("kind", "talk", "title", "Talk", "start", time(0), "end", time(1)))));
        try (Response published = lectern.post(eventPath + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        Map<String, Object> before = Lectern.json(lectern.get(eventPath));
        long firstVersion = ((Number) before.get("version")).longValue();
        String itemPath = eventPath + "/items/" + Lectern.list(Lectern.list(before.get("sessions")).get(0).get("items"))
                .get(0).get("id");

        AtomicInteger remaining = new AtomicInteger(CHANGES);
        CyclicBarrier sameVersion = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                write(eventPath, itemPath, client, firstVersion, sameVersion, remaining);
                return null;
            }));
        }
        clients.shutdown();
        for (Future<?> client : running) {
            client.get();
        }

        Map<String, Object> after = Lectern.json(lectern.get(eventPath));
        long lastVersion = ((Number) after.get("version")).longValue();
        int wins = winsByVersion.values().stream().mapToInt(List::size).sum();
        assertTrue(wins >= CHANGES, "successful changes: " + wins);
        Map<Long, List<String>> lostUpdates = new TreeMap<>(winsByVersion);
        lostUpdates.values().removeIf(titles -> titles.size() == 1);
        assertEquals(Map.of(), lostUpdates, "versions on which more than one write won");
        assertEquals(LongStream.range(firstVersion, lastVersion).boxed().collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(winsByVersion.keySet()), "each win is one new version, no more, no less");
        assertEquals(CLIENTS - 1, refusedOnTheFirstVersion.get(), "all began on one version: one won, 19 were refused");

        Map<String, Object> item = Lectern.json(lectern.get(itemPath));
        String lastTitle = winsByVersion.get(lastVersion - 1).get(0);
        assertEquals(lastTitle, item.get("title"), "the item holds the last winner's title");
        assertEquals(wins, ((Number) item.get("sequence")).intValue(), "the item's sequence counts the wins");

        lectern.awaitPublishingIdle(Duration.ofSeconds(120));
        String schedule = lectern.get("events/" + slug + "/schedule.json");
        assertEquals(Set.of(lastTitle), titles(schedule, "\"title\":\\s*\"(Talk [^\"]*)\""),
                "the published frab schedule shows the final data");
        assertEquals(Set.of(String.valueOf(lastVersion)), titles(schedule, "\"version\":\\s*\"(\\d+)\""),
                "the published schedule is of the final version");
        assertEquals(Set.of(lastTitle), titles(lectern.get("events/" + slug + "/calendar.ics"), "SUMMARY:(Talk [^\\r\\n]*)"),
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
        String metrics = lectern.metrics();
        return MetricsIT.sample(metrics, "lectern_changes_retried_total", "reason=\"conflict\"")
                .orElseThrow(() -> new AssertionError("lectern_changes_retried_total{reason=\"conflict\"} is missing:\n" + metrics));
    }

    /**
     * One client: a first write on the version all clients share (one of them wins), then
     * read-the-version-and-write until the thousand changes are made; 412 means read again.
     */
    private void write(String eventPath, String itemPath, int client, long firstVersion, CyclicBarrier sameVersion,
                       AtomicInteger remaining) throws Exception {
        long version = firstVersion;
        sameVersion.await();
        for (int attempt = 0; remaining.get() > 0; attempt++) {
            String title = "Talk " + client + " change " + attempt;
            try (Response response = lectern.target(itemPath)
                    .request(MediaType.APPLICATION_JSON).header("If-Match", "\"" + version + "\"")
                    .put(Entity.json(Lectern.JSON.toJson(Map.of("kind", "talk", "title", title,
                            "start", time(0), "end", time(1)))))) {
                String body = response.readEntity(String.class);
                if (response.getStatus() == 200) {
                    winsByVersion.computeIfAbsent(version, v -> Collections.synchronizedList(new ArrayList<>())).add(title);
                    remaining.decrementAndGet();
                } else {
                    assertEquals(412, response.getStatus(), body);
                    if (version == firstVersion) {
                        refusedOnTheFirstVersion.incrementAndGet();
                    }
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
