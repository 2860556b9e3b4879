package org.lectern.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The server's HTTP side as an in-container test reaches it: the admin API (HTTP Basic, the
 * admin user from LECTERN_ADMIN_USER / LECTERN_ADMIN_PASSWORD), the published site and /metrics.
 */
final class AdminHttp {

    static final String URL = "http://localhost:" + setting("HTTP_PORT", "http.port", "9080");
    static final Jsonb JSON = JsonbBuilder.create();

    /** A server that hangs fails the test after this long instead of holding up CI. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            (setting("LECTERN_ADMIN_USER", "lectern.admin.user", "admin") + ":"
                    + setting("LECTERN_ADMIN_PASSWORD", "lectern.admin.password", "lectern-test"))
                    .getBytes(StandardCharsets.UTF_8));

    record Reply(int status, String body, byte[] bytes) {
    }

    /**
     * Sends a request; when the server asks for credentials (401), sends it again with the admin's.
     * (Not at once: while the server has no user registry, Liberty refuses any Basic header.)
     */
    Reply send(String method, String path, Object body, String... headers) throws Exception {
        Reply reply = send(method, path, body, false, headers);
        return reply.status() == 401 ? send(method, path, body, true, headers) : reply;
    }

    private Reply send(String method, String path, Object body, boolean authenticate, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + "/" + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.toJson(body)));
        if (authenticate) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body());
    }

    /** Sends and expects the status; returns the body. */
    String expect(int status, String method, String path, Object body, String... headers) throws Exception {
        Reply reply = send(method, path, body, headers);
        assertEquals(status, reply.status(), method + " " + path + ": " + reply.body());
        return reply.body();
    }

    String get(String path) throws Exception {
        return expect(200, "GET", path, null);
    }

    byte[] bytes(String path) throws Exception {
        Reply reply = send("GET", path, null);
        assertEquals(200, reply.status(), path);
        return reply.bytes();
    }

    /** Polls a path until its body satisfies the condition. */
    String await(String path, Predicate<String> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = send("GET", path, null);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never reached the expected state within " + timeout + "; last: "
                + (last == null ? null : last.status() + " " + last.body()));
    }

    /**
     * Polls until every change made so far is on the site: nothing waits in the outbox
     * ({@code lectern_outbox_waiting}, while it is on /metrics), and the publisher neither renders nor holds work, for 300 ms
     * in a row with no render in between (a message on its way through the broker shows nowhere for
     * a moment). Returns the publishing status then.
     */
    Map<String, Object> awaitPublishingIdle(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String waiting = "nothing read yet";
        long quietSince = 0;
        Object rendersWhenQuiet = null;
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = json(get("api/publishing/status"));
            // the outbox gauge, where there is one: an in-container test that deploys the modules
            // a second time (MessageOnlyOnCommitIT) registers the same gauge, and its undeployment
            // takes it off /metrics for the rest of the run
            double outbox = metricIfThere("lectern_outbox_waiting").orElse(0);
            boolean idle = Boolean.FALSE.equals(status.get("rendering")) && Boolean.FALSE.equals(status.get("rebuildPending"))
                    && ((Number) status.get("lagMillis")).longValue() == 0
                    && ((Number) status.get("pendingEvents")).intValue() == 0
                    && ((Number) status.get("pendingPeople")).intValue() == 0
                    && outbox == 0;
            waiting = "outbox " + outbox + ", status " + status;
            if (!idle || !status.get("renders").equals(rendersWhenQuiet)) {
                quietSince = idle ? System.nanoTime() : 0;
                rendersWhenQuiet = idle ? status.get("renders") : null;
            } else if (System.nanoTime() - quietSince >= Duration.ofMillis(300).toNanos()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("publishing never went idle within " + timeout + ": " + waiting);
    }

    private java.util.OptionalDouble metricIfThere(String name) throws Exception {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$").matcher(metrics());
        return sample.find() ? java.util.OptionalDouble.of(Double.parseDouble(sample.group(2))) : java.util.OptionalDouble.empty();
    }

    /**
     * A value on /metrics (Prometheus text): the first sample of the name whose labels contain the
     * given text. A metric that is not there fails the test (a renamed metric must not read as 0).
     */
    double metric(String name, String label) throws Exception {
        String metrics = metrics();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$").matcher(metrics);
        while (sample.find()) {
            if (label == null || sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError(name + (label == null ? "" : "{" + label + "}") + " is missing from /metrics:\n" + metrics);
    }

    /**
     * /metrics as Prometheus scrapes it: over HTTPS with the admin's login (closed to everyone else
     * by default), trusting the certificate in this server's own keystore.
     */
    String metrics() throws Exception {
        String https = "https://localhost:" + setting("HTTPS_PORT", "https.port", "9443");
        HttpClient tls = HttpClient.newBuilder().sslContext(serverCertificate()).build();
        HttpResponse<String> response = tls.send(HttpRequest.newBuilder(URI.create(https + "/metrics"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "/metrics: " + response.body());
        return response.body();
    }

    private static javax.net.ssl.SSLContext serverCertificate() throws Exception {
        String configDir = System.getProperty("server.config.dir", System.getenv("SERVER_CONFIG_DIR"));
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of(configDir, "resources", "security", "key.p12"))) {
            keys.load(in, System.getenv("keystore_password").toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory
                .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return JSON.fromJson(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(String text) {
        return JSON.fromJson(text, List.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static String setting(String environment, String property, String fallback) {
        String value = System.getenv(environment);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
