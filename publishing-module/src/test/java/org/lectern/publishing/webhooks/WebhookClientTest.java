package org.lectern.publishing.webhooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real (JDK) HTTP server on a free port. */
class WebhookClientTest {

    record Received(Headers headers, byte[] body) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final AtomicInteger answer = new AtomicInteger(204);
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    HttpServer server;
    WebhookClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            reply(exchange, answer.get());
        });
        server.createContext("/slow", exchange -> {
            try {
                releaseSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200);
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        client = new WebhookClient(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        client.close();
        server.stop(0);
    }

    @Test
    void postsTheBodyBytesAndHeaders() throws Exception {
        byte[] body = "{\"type\":\"site.published\",\"title\":\"Caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        WebhookClient.Answer result = client.post(at("/hook"), body, Map.of("X-Lectern-Delivery", "d-1"));

        assertTrue(result.delivered(), result.describe());
        assertEquals(204, result.status());
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertArrayEquals(body, request.body());
        assertEquals("d-1", request.headers().getFirst("X-Lectern-Delivery"));
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals(WebhookClient.USER_AGENT, request.headers().getFirst("User-Agent"));
    }

    @Test
    void aServerErrorIsWorthRetryingARefusalIsNot() {
        answer.set(503);
        WebhookClient.Answer unavailable = client.post(at("/hook"), new byte[0], Map.of());
        assertFalse(unavailable.delivered());
        assertTrue(unavailable.worthRetrying());
        assertTrue(unavailable.describe().startsWith("HTTP 503"), unavailable.describe());

        answer.set(401);
        WebhookClient.Answer refused = client.post(at("/hook"), new byte[0], Map.of());
        assertFalse(refused.delivered());
        assertFalse(refused.worthRetrying());
    }

    @Test
    void aSlowReceiverTimesOut() {
        WebhookClient.Answer result;
        try (WebhookClient impatient = new WebhookClient(Duration.ofSeconds(5), Duration.ofMillis(300))) {
            result = impatient.post(at("/slow"), new byte[0], Map.of());
        }
        assertNull(result.status());
        assertTrue(result.worthRetrying());
        assertTrue(result.describe().contains("HttpTimeoutException"), result.describe());
    }

    @Test
    void noReceiverIsANetworkError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookClient.Answer result = client.post(URI.create("http://localhost:" + closedPort + "/hook"), new byte[0], Map.of());
        assertNull(result.status());
        assertTrue(result.worthRetrying());
        assertTrue(result.describe().contains("ConnectException"), result.describe());
    }

    private URI at(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
