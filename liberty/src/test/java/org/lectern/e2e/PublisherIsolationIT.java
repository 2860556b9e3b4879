package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One target the publisher cannot write fails alone: the rest of its batch and every later change
 * reach the site, the status, the metrics and the log name it once, and it recovers by itself once
 * it can be written again. The fault is one the validation at the door cannot refuse: a plain file
 * where one event's {@code schedule/} folder must be, made by the test in the server's site folder.
 */
class PublisherIsolationIT {

    /** What "promptly" means for a change that has nothing to do with the failing target. */
    static final Duration PROMPTLY = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Path SERVER = Path.of(System.getProperty("lectern.server.dir", "target/liberty/wlp/usr/servers/lectern"));

    final Lectern lectern = new Lectern();

    /**
     * The build starts these tests once the server is up, which on a busy machine can be before the
     * application has started (it answers 404 until then).
     */
    @BeforeAll
    static void awaitApplication() throws InterruptedException {
        Lectern lectern = new Lectern();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (lectern.status("api/events") != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the application did not start within 240 s");
            }
            Thread.sleep(500);
        }
    }

    @Test
    void aTargetThatCannotBeWrittenFailsAloneIsNamedOnceAndRecoversByItself() throws Exception {
        Map<String, Object> blocked = publishedEvent("blocked", "Blocked before");
        Map<String, Object> other = publishedEvent("other", "Other before");
        String blockedSlug = (String) blocked.get("slug");
        String otherSlug = (String) other.get("slug");
        lectern.awaitPublished("events/" + blockedSlug + "/schedule/", p -> p.contains("Blocked before"), WAIT);
        lectern.awaitPublished("events/" + otherSlug + "/", p -> p.contains("Other before"), WAIT);
        lectern.awaitPublishingIdle(WAIT);

        Path scheduleFolder = SERVER.resolve("site/events/" + blockedSlug + "/schedule");
        String schedulePath = "events/" + blockedSlug + "/schedule/index.html";
        long logLinesBefore = logLines(schedulePath).size();
        try {
            // the fault: a plain file where the schedule's folder must be
            removeTree(scheduleFolder);
            Files.writeString(scheduleFolder, "not a folder");

            rename(blocked, "Blocked after");
            // the rest of the blocked event's own batch is published
            lectern.awaitPublished("events/" + blockedSlug + "/", p -> p.contains("Blocked after"), PROMPTLY);
            Map<String, Object> failing = awaitFailing(schedulePath, PROMPTLY);
            System.out.println("PublisherIsolationIT: the status names " + failing);
            assertEquals("event", failing.get("target"), failing.toString());
            assertEquals(blocked.get("id"), failing.get("id"), failing.toString());
            assertEquals(blockedSlug, failing.get("name"), failing.toString());
            assertFalse(((String) failing.get("error")).isBlank(), failing.toString());

            // a later change to another event is not held back
            rename(other, "Other after");
            Lectern.Published otherAfter = lectern.awaitPublished("events/" + otherSlug + "/",
                    p -> p.contains("Other after"), PROMPTLY);
            System.out.println("PublisherIsolationIT: the other event's change was on the site after " + otherAfter.after().toMillis() + " ms");

            double gauge = MetricsIT.sample(lectern.metrics(), "lectern_render_failures", "")
                    .orElseThrow(() -> new AssertionError("no lectern_render_failures on /metrics"));
            assertTrue(gauge >= 1, "the gauge counts the failing target: " + gauge);

            // retried with back-off: several attempts, but one log line for them all
            awaitAttempts(schedulePath, 2, WAIT);
            List<String> started = logLines(schedulePath);
            System.out.println("PublisherIsolationIT: log lines naming the path: " + started.subList((int) logLinesBefore, started.size()));
            assertEquals(1, started.size() - logLinesBefore, "one log line when it starts failing, not one per retry");
        } finally {
            Files.deleteIfExists(scheduleFolder);
        }

        // once the folder can be made again, a retry publishes the schedule without any new change
        Lectern.Published recovered = lectern.awaitPublished("events/" + blockedSlug + "/schedule/",
                p -> p.contains("Blocked after"), WAIT);
        System.out.println("PublisherIsolationIT: recovered after " + recovered.after().toMillis() + " ms");
        awaitNotFailing(schedulePath, WAIT);
        List<String> lines = logLines(schedulePath);
        assertEquals(2, lines.size() - logLinesBefore, "one line when it failed, one when it recovered: " + lines);
        assertTrue(lines.get(lines.size() - 1).contains("recovered"), lines.get(lines.size() - 1));
        Map<String, Object> status = Lectern.json(lectern.get("api/publishing/status"));
        double gauge = MetricsIT.sample(lectern.metrics(), "lectern_render_failures", "").orElseThrow();
        assertEquals(Lectern.list(status.get("failing")).size(), (int) gauge, "the gauge is the status's count: " + status);
    }

    Map<String, Object> publishedEvent(String prefix, String title) {
        String slug = Lectern.unique(prefix);
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", title,
                "kind", "workshop", "timeZone", "Europe/Berlin", "startDate", "2031-03-02", "endDate", "2031-03-02"));
        lectern.create("api/events/" + event.get("id") + "/sessions", Map.of("title", "Opening", "room", "A",
                "start", "2031-03-02T09:00:00", "end", "2031-03-02T10:00:00"));
        try (Response published = lectern.post("api/events/" + event.get("id") + "/publish", Map.of())) {
            assertEquals(200, published.getStatus(), published.readEntity(String.class));
        }
        return event;
    }

    /** Gives the event a new title (conditional on its current version). */
    void rename(Map<String, Object> event, String title) {
        String path = "api/events/" + event.get("id");
        Map<String, Object> current = Lectern.json(lectern.get(path));
        Map<String, Object> described = Map.of("slug", event.get("slug"), "title", title, "kind", "workshop",
                "timeZone", "Europe/Berlin", "startDate", "2031-03-02", "endDate", "2031-03-02");
        try (Response renamed = lectern.target(path).request(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"" + ((Number) current.get("version")).longValue() + "\"")
                .put(Entity.json(Lectern.JSON.toJson(described)))) {
            assertEquals(200, renamed.getStatus(), renamed.readEntity(String.class));
        }
    }

    Optional<Map<String, Object>> failingEntry(String path) {
        Map<String, Object> status = Lectern.json(lectern.get("api/publishing/status"));
        Object failing = status.get("failing");
        if (failing == null) {
            return Optional.empty();
        }
        return Lectern.list(failing).stream().filter(f -> path.equals(f.get("path"))).findFirst();
    }

    Map<String, Object> awaitFailing(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Map<String, Object>> entry = failingEntry(path);
            if (entry.isPresent()) {
                return entry.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " is not named as failing: " + lectern.get("api/publishing/status"));
    }

    void awaitAttempts(String path, int attempts, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Map<String, Object>> entry = failingEntry(path);
            if (entry.isPresent() && ((Number) entry.get().get("attempts")).intValue() >= attempts) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " was not tried " + attempts + " times: " + lectern.get("api/publishing/status"));
    }

    void awaitNotFailing(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failingEntry(path).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " is still named as failing: " + lectern.get("api/publishing/status"));
    }

    /** The lines of the server's messages.log that name the site path. */
    static List<String> logLines(String path) throws IOException {
        Path log = SERVER.resolve("logs/messages.log");
        List<String> lines = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                if (line.contains(path)) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    static void removeTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
