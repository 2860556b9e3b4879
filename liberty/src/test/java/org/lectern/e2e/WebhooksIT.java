package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.core.Response;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks, end to end: the build starts the server with {@code lectern.webhooks.urls} pointing at
 * this test's own HTTP server (port {@code lectern.webhooks.port}) and a shared secret. Publishing
 * an event must bring a notice there, signed with that secret, naming the event's files; a
 * receiver that fails the first attempt must get a second one, and the delivery log says so.
 * Notices of other tests' publishes may arrive too (earlier ones retried); each case picks its own
 * by the event's slug.
 */
class WebhooksIT {

    static final int PORT = Integer.getInteger("lectern.webhooks.port", 9095);
    static final String SECRET = System.getProperty("lectern.webhooks.secret", "it-webhook-secret");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Hook(Map<String, String> headers, byte[] body, int answer) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static HttpServer receiver;
    static final List<Hook> received = new CopyOnWriteArrayList<>();
    /** Slugs whose notices the receiver refuses (500) on each delivery's first attempt. */
    static final Set<String> failFirstAttempt = ConcurrentHashMap.newKeySet();
    static final Set<String> refusedDeliveries = ConcurrentHashMap.newKeySet();

    final Lectern lectern = new Lectern();

    @BeforeAll
    static void listen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        receiver.createContext("/hooks/lectern", WebhooksIT::receive);
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    static void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String text = new String(body, StandardCharsets.UTF_8);
        String delivery = headers.getOrDefault("x-lectern-delivery", "");
        boolean refuse = failFirstAttempt.stream().anyMatch(slug -> text.contains("events/" + slug + "/"))
                && refusedDeliveries.add(delivery);
        int answer = refuse ? 500 : 204;
        received.add(new Hook(headers, body, answer));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    @Test
    void aPublishIsAnnouncedToTheWebhookWithAValidSignature() throws Exception {
        Map<String, Object> settings = Lectern.json(lectern.get("api/publishing/webhooks"));
        assertEquals(true, settings.get("enabled"), "the build configures a webhook: " + settings);
        assertFalse(settings.toString().contains(SECRET), "the secret is never shown");

        String slug = Lectern.unique("hooked");
        publishAnEvent(slug);
        Hook hook = awaitHook(h -> h.text().contains("events/" + slug + "/"), "a notice naming " + slug);

        assertEquals("site.published", hook.header("X-Lectern-Event"));
        assertTrue(hook.header("Content-Type").startsWith("application/json"), hook.header("Content-Type"));
        assertSigned(hook);

        Map<String, Object> notice = Lectern.json(hook.text());
        assertEquals("site.published", notice.get("type"));
        assertEquals(Lectern.URL + "/", notice.get("site"));
        assertNotNull(Instant.parse((String) notice.get("occurredAt")));
        @SuppressWarnings("unchecked")
        List<String> written = (List<String>) notice.get("written");
        assertTrue(written.contains("events/" + slug + "/index.html"), written.toString());
        assertTrue(written.contains("events/" + slug + "/calendar.ics"), written.toString());
        assertTrue(written.contains("events/" + slug + "/schedule.json"), written.toString());
        assertEquals(written.size(), ((Number) notice.get("writtenCount")).intValue());

        Map<String, Object> delivery = awaitDelivery(hook.header("X-Lectern-Delivery"), "DELIVERED");
        assertEquals(1, ((Number) delivery.get("attempts")).intValue(), delivery.toString());
        assertEquals(204, ((Number) delivery.get("lastStatus")).intValue(), delivery.toString());
        assertEquals(notice.get("id"), delivery.get("notice"));
        assertEquals("http://localhost:" + PORT, delivery.get("target"), "shown without its path");
    }

    @Test
    void aRefusedFirstAttemptIsRetriedAndTheLogShowsBothAttempts() throws Exception {
        String slug = Lectern.unique("retried");
        failFirstAttempt.add(slug);
        publishAnEvent(slug);

        Hook first = awaitHook(h -> h.text().contains("events/" + slug + "/") && h.answer() == 500, "a refused first attempt");
        String id = first.header("X-Lectern-Delivery");
        Hook second = awaitHook(h -> id.equals(h.header("X-Lectern-Delivery")) && h.answer() == 204, "a second attempt of " + id);
        assertArrayEquals(first.body(), second.body(), "the same notice, byte for byte");
        assertSigned(first);
        assertSigned(second);

        Map<String, Object> delivery = awaitDelivery(id, "DELIVERED");
        assertEquals(2, ((Number) delivery.get("attempts")).intValue(), delivery.toString());
        assertEquals(204, ((Number) delivery.get("lastStatus")).intValue(), delivery.toString());
        assertNull(delivery.get("lastError"), delivery.toString());

        List<Map<String, Object>> log = Lectern.list(Lectern.JSON.fromJson(lectern.get("api/publishing/webhooks/deliveries"), List.class));
        assertTrue(log.stream().anyMatch(d -> id.equals(d.get("id"))), "listed in the delivery log");
    }

    @Test
    void unknownDeliveriesAndStatesAreProblems() {
        problem(lectern.target("api/publishing/webhooks/deliveries/no-such-delivery").request().get(), 404);
        problem(lectern.target("api/publishing/webhooks/deliveries").queryParam("state", "LOST").request().get(), 400);
    }

    private void publishAnEvent(String slug) {
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Webhook workshop",
                "kind", "workshop", "timeZone", "Europe/London", "startDate", "2026-06-24", "endDate", "2026-06-25")).get("id");
        try (Response published = lectern.post("api/events/" + id + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
    }

    /** Checks the signature as a receiver would: HMAC-SHA256 of "timestamp.body" with the shared secret. */
    private static void assertSigned(Hook hook) throws Exception {
        String timestamp = hook.header("X-Lectern-Timestamp");
        assertNotNull(timestamp, "a timestamp header");
        long skew = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
        assertTrue(skew < 300, "timestamp within five minutes, was " + skew + " s off");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(hook.body()));
        String actual = hook.header("X-Lectern-Signature");
        assertNotNull(actual, "a signature header");
        assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII)),
                "signature " + actual + " is not HMAC-SHA256(secret, timestamp.body) = " + expected);
    }

    private static Hook awaitHook(Predicate<Hook> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Hook hook : received) {
                if (wanted.test(hook)) {
                    return hook;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within " + TIMEOUT + "; received " + received.size() + " requests");
    }

    private Map<String, Object> awaitDelivery(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            try (Response response = lectern.target("api/publishing/webhooks/deliveries/" + id).request().get()) {
                if (response.getStatus() == 200) {
                    last = Lectern.json(response.readEntity(String.class));
                    if (state.equals(last.get("state"))) {
                        return last;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("delivery " + id + " not " + state + " within " + TIMEOUT + "; last seen: " + last);
    }

    private static void problem(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            assertEquals("application/problem+json", response.getMediaType().toString(), body);
        }
    }
}
