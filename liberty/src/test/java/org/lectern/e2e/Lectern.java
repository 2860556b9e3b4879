package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The running server as a test sees it: HTTP only, through the Jersey client. The server is the
 * one {@code liberty:test-start} started, at {@code lectern.url} (default http://localhost:9080).
 */
final class Lectern {

    static final String URL = System.getProperty("lectern.url", "http://localhost:9080");
    static final Jsonb JSON = JsonbBuilder.create();

    static final String ADMIN_USER = System.getProperty("lectern.admin.user", "admin");
    static final String ADMIN_PASSWORD = System.getProperty("lectern.admin.password", "lectern-test");

    /**
     * How long a test waits for a connection and for an answer before it fails: a server that hangs
     * (a deadlock) fails the test instead of holding up CI. Generous: a write while the broker is
     * down is refused only after up to 70 s (docs/operations.md).
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    /** Logs in as the test server's admin on every request (the public site ignores it). */
    final Client client = newClient().register(basicAuth(ADMIN_USER, ADMIN_PASSWORD));

    /** A client with the tests' time-outs: every test reaches a server through one of these. */
    static Client newClient() {
        return ClientBuilder.newBuilder().connectTimeout(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS).build();
    }

    /** A client without credentials, as an attendee or an attacker sees the server. */
    static Client anonymous() {
        return newClient();
    }

    /** A client that logs in as the given user. */
    static Client as(String user, String password) {
        return newClient().register(basicAuth(user, password));
    }

    static ClientRequestFilter basicAuth(String user, String password) {
        String token = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return request -> request.getHeaders().putSingle("Authorization", "Basic " + token);
    }

    /** The server's HTTPS address (Liberty's generated certificate; see {@link #https}). */
    static final String HTTPS_URL = System.getProperty("lectern.https.url", "https://localhost:9443");

    /**
     * /metrics as Prometheus scrapes it: over HTTPS with the admin's login (it is closed to everyone
     * else by default). Fails unless the answer is 200.
     */
    String metrics() {
        try (Response response = https().register(basicAuth(ADMIN_USER, ADMIN_PASSWORD))
                .target(URI.create(HTTPS_URL + "/metrics")).request().get()) {
            String text = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), "/metrics: " + text);
            return text;
        }
    }

    /** A client over HTTPS that trusts exactly the certificate the test server generated, nothing else. */
    static Client https() {
        try {
            java.nio.file.Path server = java.nio.file.Path.of(System.getProperty("lectern.server.dir"));
            String password = java.nio.file.Files.readAllLines(server.resolve("server.env")).stream()
                    .filter(l -> l.startsWith("keystore_password=")).findFirst().orElseThrow()
                    .substring("keystore_password=".length());
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(server.resolve("resources/security/key.p12"))) {
                keys.load(in, password.toCharArray());
            }
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory
                    .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return ClientBuilder.newBuilder().sslContext(tls).build();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the test server's certificate", e);
        }
    }

    /** A path below the server's root, with its query string if it has one. */
    WebTarget target(String path) {
        return client.target(URI.create(URL + "/" + path));
    }

    Response post(String path, Object body) {
        return target(path).request(MediaType.APPLICATION_JSON).post(Entity.json(JSON.toJson(body)));
    }

    Response put(String path, Object body) {
        return target(path).request(MediaType.APPLICATION_JSON).put(Entity.json(JSON.toJson(body)));
    }

    /** POSTs and expects 201; returns the created resource's JSON. */
    Map<String, Object> create(String path, Object body) {
        try (Response response = post(path, body)) {
            String text = response.readEntity(String.class);
            assertEquals(201, response.getStatus(), text);
            return json(text);
        }
    }

    String get(String path) {
        try (Response response = target(path).request().get()) {
            String text = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), path + ": " + text);
            return text;
        }
    }

    int status(String path) {
        try (Response response = target(path).request().get()) {
            return response.getStatus();
        }
    }

    /** Polls a published file until it satisfies the condition; returns it and how long that took. */
    Published awaitPublished(String path, Predicate<String> condition, Duration timeout) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try (Response response = target(path).request().get()) {
                if (response.getStatus() == 200) {
                    last = response.readEntity(String.class);
                    if (condition.test(last)) {
                        return new Published(last, Duration.ofNanos(System.nanoTime() - began));
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " did not reach the expected state within " + timeout + "; last seen:\n" + last);
    }

    record Published(String body, Duration after) {
    }

    /**
     * Polls until every change made so far is on the site, and returns the publishing status then:
     * nothing waits in the outbox ({@code lectern_outbox_waiting} on /metrics, read as the admin),
     * nothing waits on the broker for this server's subscriptions (the production stack, where the
     * test can ask the broker), and the publisher neither renders nor holds work, for {@link #QUIET}
     * in a row with no render in between (a message on its way from the broker to the publisher
     * shows in none of these for a moment).
     */
    Map<String, Object> awaitPublishingIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String waiting = "nothing read yet";
        long quietSince = 0;
        Object rendersWhenQuiet = null;
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = json(get("api/publishing/status"));
            double outbox = MetricsIT.sample(metrics(), "lectern_outbox_waiting", "")
                    .orElseThrow(() -> new AssertionError("lectern_outbox_waiting is missing from /metrics"));
            long onTheBroker = messagesOnTheBroker();
            boolean idle = Boolean.FALSE.equals(status.get("rendering")) && Boolean.FALSE.equals(status.get("rebuildPending"))
                    && ((Number) status.get("lagMillis")).longValue() == 0
                    && ((Number) status.get("pendingEvents")).intValue() == 0
                    && ((Number) status.get("pendingPeople")).intValue() == 0
                    && outbox == 0 && onTheBroker == 0;
            waiting = "outbox " + outbox + ", on the broker " + onTheBroker + ", status " + status;
            if (!idle || !status.get("renders").equals(rendersWhenQuiet)) {
                quietSince = idle ? System.nanoTime() : 0;
                rendersWhenQuiet = idle ? status.get("renders") : null;
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("publishing never went idle within " + timeout + ": " + waiting);
    }

    /** How long idle must hold before {@link #awaitPublishingIdle} believes it. */
    static final Duration QUIET = Duration.ofMillis(300);

    /** Messages waiting or in delivery on this server's subscriptions; 0 where the broker is embedded. */
    private static long messagesOnTheBroker() {
        if (!Stack.PRODUCTION) {
            return 0;
        }
        long waiting = 0;
        for (String subscription : List.of("publishing-events", "publishing-people", "events-people")) {
            try {
                waiting += Broker.queueCounter(Broker.subscription("lectern", subscription), "messageCount");
            } catch (Exception e) {
                throw new AssertionError("cannot read " + subscription + " on the broker", e);
            }
        }
        return waiting;
    }

    @SuppressWarnings("unchecked")
    /**
     * Makes a write while a service is down and checks how it is refused: 503, a problem with this
     * title, and a Retry-After. Prints how long the answer took (reported, not asserted).
     */
    static void assertRefusedAsUnavailable(String test, Supplier<Response> write, String title) {
        long began = System.nanoTime();
        try (Response refused = write.get()) {
            String body = refused.readEntity(String.class);
            System.out.printf("%s: the refused write was answered %d after %d ms%n", test, refused.getStatus(),
                    (System.nanoTime() - began) / 1_000_000);
            assertEquals(503, refused.getStatus(), body);
            assertEquals("application/problem+json", refused.getMediaType().toString());
            assertEquals(title, json(body).get("title"), body);
            assertNotNull(refused.getHeaderString("Retry-After"));
        }
    }

    static Map<String, Object> json(String text) {
        return JSON.fromJson(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
