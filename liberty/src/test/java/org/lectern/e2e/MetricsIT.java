package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * /metrics (Prometheus text) shows what an operator watches, and it moves with a change: messages
 * consumed by topic, render batches, files written, the publish lag, the dead letters waiting, and
 * the event messages waiting in the outbox.
 */
class MetricsIT {

    final Lectern lectern = new Lectern();

    @Test
    void aChangeMovesTheConsumedRenderedWrittenAndLagMetrics() throws Exception {
        lectern.awaitPublishingIdle(Duration.ofSeconds(60));
        String before = lectern.metrics();
        assertTrue(sample(before, "lectern_dead_letters", "").isPresent(), "the dead-letter gauge is there:\n" + before);

        String slug = Lectern.unique("metrics");
        Map<String, Object> event = lectern.create("api/events", Map.of("slug", slug, "title", "Measured",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2026-06-24", "endDate", "2026-06-24"));
        try (Response published = lectern.post("api/events/" + event.get("id") + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        lectern.awaitPublished("events/" + slug + "/", page -> page.contains("Measured"), Duration.ofSeconds(60));
        lectern.awaitPublishingIdle(Duration.ofSeconds(60));
        String after = lectern.metrics();

        for (String[] metric : new String[][] {
                {"lectern_messages_consumed_total", "topic=\"lectern.events\""},
                {"lectern_renders_total", ""},
                {"lectern_files_written_total", ""},
                {"lectern_publish_lag_seconds_count", ""}}) {
            double was = sample(before, metric[0], metric[1]).orElse(0.0);
            double is = sample(after, metric[0], metric[1]).orElseThrow(() -> new AssertionError(metric[0] + " missing:\n" + after));
            assertTrue(is > was, metric[0] + " moved from " + was + " to " + is);
        }
        assertTrue(sample(after, "lectern_publish_lag_seconds_sum", "").orElseThrow() > 0, "the lag is measured");

        // the change's message went through the outbox, which the broker (up) empties again
        assertEquals(0.0, awaitOutbox(lectern, waiting -> waiting == 0, Duration.ofSeconds(30)), "the outbox is empty again");
        assertEquals(0.0, sample(lectern.metrics(), "lectern_outbox_oldest_age_seconds", "").orElseThrow(),
                "nothing has waited in it");
    }

    /**
     * /metrics names the API's resource classes and counts the admins' work: by default only the admin
     * reads it, over HTTPS. Anonymous callers and editors get 401 there; plain HTTP gets no metrics.
     */
    @Test
    void metricsNeedTheAdminsLoginOverHttps() {
        java.net.URI metrics = java.net.URI.create(Lectern.HTTPS_URL + "/metrics");
        try (Response anonymous = Lectern.https().target(metrics).request().get()) {
            String body = anonymous.readEntity(String.class);
            assertEquals(401, anonymous.getStatus(), body);
            assertTrue(!body.contains("lectern_") && !body.contains("REST_request"), body);
        }
        String editor = "metrics-reader-" + Lectern.unique("x").toLowerCase();
        lectern.create("api/users", Map.of("name", editor, "role", "editor", "password", "an-editor-who-reads-metrics"));
        try (Response asEditor = Lectern.https().register(Lectern.basicAuth(editor, "an-editor-who-reads-metrics"))
                .target(metrics).request().get()) {
            String body = asEditor.readEntity(String.class);
            assertTrue(asEditor.getStatus() == 401 || asEditor.getStatus() == 403, asEditor.getStatus() + ": " + body);
            assertTrue(!body.contains("lectern_"), body);
        }
        try (Response plain = Lectern.anonymous().property("jersey.config.client.followRedirects", false)
                .target(java.net.URI.create(Lectern.URL + "/metrics")).request().get()) {
            String body = plain.readEntity(String.class);
            assertTrue(plain.getStatus() != 200 && !body.contains("lectern_"), "plain HTTP: " + plain.getStatus() + " " + body);
        }
        assertTrue(lectern.metrics().contains("lectern_renders_total"), "the admin reads them");
    }

    /**
     * Reads {@code lectern_outbox_waiting} until it satisfies the test or the time is up; answers the
     * last value (fails when the gauge is missing).
     */
    static double awaitOutbox(Lectern lectern, java.util.function.DoublePredicate wanted, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String metrics = lectern.metrics();
            double waiting = sample(metrics, "lectern_outbox_waiting", "")
                    .orElseThrow(() -> new AssertionError("lectern_outbox_waiting missing:\n" + metrics));
            if (wanted.test(waiting) || System.nanoTime() > deadline) {
                return waiting;
            }
            Thread.sleep(200);
        }
    }

    /** The first sample of a metric whose labels contain the text. */
    static java.util.Optional<Double> sample(String metrics, String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$").matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return java.util.Optional.of(Double.parseDouble(sample.group(2)));
            }
        }
        return java.util.Optional.empty();
    }
}
