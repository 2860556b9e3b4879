package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unpublishing, cancelling and deleting an event reach every file derived from it: its speakers'
 * pages and feeds, the home page and {@code /calendar.ics}, not only the event's own folder.
 */
class UnpublishReachesEverythingIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    final Lectern lectern = new Lectern();

    @BeforeAll
    static void awaitApplication() throws InterruptedException {
        PublisherIsolationIT.awaitApplication();
    }

    @Test
    void unpublishCancelAndDeleteReachThePeoplesPagesAndFeedsAndTheIndex() throws Exception {
        String tag = Lectern.unique("reach");
        Map<String, Object> both = lectern.create("api/people", Map.of("name", "Both " + tag));
        Map<String, Object> only = lectern.create("api/people", Map.of("name", "Only " + tag));
        String bothPage = "people/" + both.get("slug") + "/";
        String onlyPage = "people/" + only.get("slug") + "/";

        Map<String, Object> first = event("First " + tag, List.of(both.get("id"), only.get("id")));
        Map<String, Object> second = event("Second " + tag, List.of(both.get("id")));
        String firstTalk = "Talk at First " + tag;
        lectern.awaitPublished(bothPage, p -> p.contains("First " + tag) && p.contains("Second " + tag), WAIT);
        lectern.awaitPublished(bothPage + "calendar.ics", f -> f.contains(firstTalk) && f.contains("Talk at Second " + tag), WAIT);
        lectern.awaitPublished(onlyPage, p -> p.contains("First " + tag), WAIT);
        lectern.awaitPublished("", p -> p.contains("First " + tag), WAIT);
        lectern.awaitPublished("calendar.ics", p -> p.contains("First " + tag), WAIT);

        try (Response unpublished = lectern.post("api/events/" + first.get("id") + "/unpublish", Map.of())) {
            assertEquals(200, unpublished.getStatus(), unpublished.readEntity(String.class));
        }
        awaitGone("events/" + first.get("slug") + "/");
        lectern.awaitPublished(bothPage, p -> !p.contains("First " + tag) && p.contains("Second " + tag), WAIT);
        lectern.awaitPublished(bothPage + "calendar.ics", f -> !f.contains(firstTalk) && f.contains("Talk at Second " + tag), WAIT);
        awaitGone(onlyPage);
        awaitGone(onlyPage + "calendar.ics");
        lectern.awaitPublished("", p -> !p.contains("First " + tag), WAIT);
        lectern.awaitPublished("calendar.ics", p -> !p.contains("First " + tag), WAIT);

        // cancelled: still shown, as cancelled, in the person's feed too
        try (Response cancelled = lectern.post("api/events/" + second.get("id") + "/cancel", Map.of())) {
            assertEquals(200, cancelled.getStatus(), cancelled.readEntity(String.class));
        }
        lectern.awaitPublished(bothPage + "calendar.ics", f -> f.contains("STATUS:CANCELLED"), WAIT);

        String path = "api/events/" + second.get("id");
        String version = "\"" + ((Number) Lectern.json(lectern.get(path)).get("version")).longValue() + "\"";
        try (Response deleted = lectern.target(path).request().header("If-Match", version).delete()) {
            assertEquals(204, deleted.getStatus());
        }
        awaitGone(bothPage);
        awaitGone(bothPage + "calendar.ics");
        lectern.awaitPublished("", p -> !p.contains("Second " + tag), WAIT);
        lectern.awaitPublished("calendar.ics", p -> !p.contains("Second " + tag), WAIT);
    }

    /** A published event with one talk by the given speakers. */
    Map<String, Object> event(String title, List<Object> speakers) {
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", Lectern.unique("reach"), "title", title,
                "kind", "workshop", "timeZone", "Europe/Rome", "startDate", "2031-09-10", "endDate", "2031-09-10"));
        lectern.create("api/events/" + event.get("id") + "/sessions", Map.of("title", "Session", "room", "Aula",
                "start", "2031-09-10T09:00:00", "end", "2031-09-10T10:00:00",
                "items", List.of(Map.of("kind", "talk", "title", "Talk at " + title,
                        "start", "2031-09-10T09:00:00", "end", "2031-09-10T10:00:00", "speakers", speakers))));
        try (Response published = lectern.post("api/events/" + event.get("id") + "/publish", Map.of())) {
            assertEquals(200, published.getStatus(), published.readEntity(String.class));
        }
        return event;
    }

    void awaitGone(String path) throws InterruptedException {
        await(path, status -> status == 404);
    }

    void await(String path, Predicate<Integer> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try (Response response = Lectern.anonymous().target(URI.create(Lectern.URL + "/" + path)).request().get()) {
                status = response.getStatus();
            }
            if (condition.test(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " still answers " + status + " after " + WAIT);
    }
}
