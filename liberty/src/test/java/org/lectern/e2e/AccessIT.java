package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** Who may do what: logins, the two roles, users, the audit trail, throttling, HTTPS and headers. */
class AccessIT {

    final Lectern admin = new Lectern();

    @Test
    void theAdminApiNeedsALoginAndSaysSoAsAProblem() {
        Client anonymous = Lectern.anonymous();
        for (String path : List.of("api/events", "api/people", "api/publishing/status", "api/users", "api/audit")) {
            try (Response refused = anonymous.target(URI.create(Lectern.URL + "/" + path)).request().get()) {
                String body = refused.readEntity(String.class);
                assertEquals(401, refused.getStatus(), path);
                assertTrue(refused.getHeaderString("WWW-Authenticate").startsWith("Basic realm=\"Lectern\""));
                assertTrue(refused.getMediaType().toString().startsWith("application/problem+json"), path);
                assertTrue(body.contains("\"status\":401"), body);
            }
        }
        try (Response wrong = Lectern.as(Lectern.ADMIN_USER, "not-the-password").target(URI.create(Lectern.URL + "/api/events"))
                .request().get()) {
            assertEquals(401, wrong.getStatus());
        }
        try (Response write = anonymous.target(URI.create(Lectern.URL + "/api/events")).request()
                .post(Entity.json("{\"slug\":\"anonymous-write\"}"))) {
            assertEquals(401, write.getStatus());
        }
    }

    @Test
    void theSiteFeedsExportsAndHealthNeedNoLogin() {
        Client anonymous = Lectern.anonymous();
        for (String path : List.of("", "calendar.ics", "api/publishing/export/site.zip", "health/ready")) {
            try (Response open = anonymous.target(URI.create(Lectern.URL + "/" + path)).request().get()) {
                assertEquals(200, open.getStatus(), path);
            }
        }
    }

    @Test
    void editorsManageEventsAndPeopleAdminsAlsoUsersRebuildsWebhooksAndTheAudit() {
        String name = "ed-" + Lectern.unique("x").toLowerCase();
        String password = "an-editor's-password";
        try (Response created = admin.post("api/users", Map.of("name", name, "role", "editor", "password", password))) {
            assertEquals(201, created.getStatus(), created.readEntity(String.class));
        }
        Client editor = Lectern.as(name, password);
        String slug = Lectern.unique("editor-made");
        try (Response made = editor.target(URI.create(Lectern.URL + "/api/events")).request()
                .post(Entity.json(Lectern.JSON.toJson(Map.of("slug", slug, "title", "Made by an editor", "kind", "workshop",
                        "timeZone", "Europe/Berlin", "startDate", "2031-03-02", "endDate", "2031-03-02"))))) {
            assertEquals(201, made.getStatus(), made.readEntity(String.class));
        }
        try (Response people = editor.target(URI.create(Lectern.URL + "/api/people")).request().get()) {
            assertEquals(200, people.getStatus());
        }
        for (String path : List.of("api/users", "api/audit", "api/publishing/webhooks")) {
            try (Response forbidden = editor.target(URI.create(Lectern.URL + "/" + path)).request().get()) {
                assertEquals(403, forbidden.getStatus(), path);
            }
        }
        try (Response rebuild = editor.target(URI.create(Lectern.URL + "/api/publishing/rebuild")).request().post(Entity.json("{}"))) {
            assertEquals(403, rebuild.getStatus());
        }

        // the editor's write is in the audit trail, with who, what and the version it made
        List<Map<String, Object>> trail = Lectern.list(Lectern.JSON.fromJson(admin.get("api/audit?user=" + name), List.class));
        assertEquals(1, trail.size(), trail.toString());
        Map<String, Object> entry = trail.get(0);
        assertEquals("POST", entry.get("method"));
        assertEquals("/api/events", entry.get("path"));
        assertEquals(201, ((Number) entry.get("status")).intValue());
        assertEquals("\"1\"", entry.get("versionAfter"));
        assertTrue(entry.containsKey("at"));

        // a new password counts at once, though the old one had just passed (and was remembered)
        String newPassword = "the-editor's-new-password";
        try (Response changed = admin.target("api/users/" + name).request()
                .put(Entity.json(Lectern.JSON.toJson(Map.of("role", "editor", "password", newPassword))))) {
            assertEquals(200, changed.getStatus(), changed.readEntity(String.class));
        }
        try (Response old = editor.target(URI.create(Lectern.URL + "/api/people")).request().get()) {
            assertEquals(401, old.getStatus(), "the old password is refused");
        }
        editor = Lectern.as(name, newPassword);
        try (Response renewed = editor.target(URI.create(Lectern.URL + "/api/people")).request().get()) {
            assertEquals(200, renewed.getStatus());
        }

        // an admin takes the login away again
        try (Response removed = admin.target("api/users/" + name).request().delete()) {
            assertEquals(204, removed.getStatus());
        }
        try (Response gone = editor.target(URI.create(Lectern.URL + "/api/events")).request().get()) {
            assertEquals(401, gone.getStatus());
        }
    }

    @Test
    void anUpdateIsAuditedWithTheVersionBeforeAndAfter() {
        String slug = Lectern.unique("audited");
        Map<String, Object> event = admin.create("api/events", Map.of("slug", slug, "title", "Audited", "kind", "workshop",
                "timeZone", "Europe/Berlin", "startDate", "2031-03-02", "endDate", "2031-03-02"));
        String path = "api/events/" + event.get("id");
        try (Response updated = admin.target(path).request().header("If-Match", "\"1\"")
                .put(Entity.json(Lectern.JSON.toJson(Map.of("slug", slug, "title", "Audited again", "kind", "workshop",
                        "timeZone", "Europe/Berlin", "startDate", "2031-03-02", "endDate", "2031-03-02"))))) {
            assertEquals(200, updated.getStatus(), updated.readEntity(String.class));
        }
        Map<String, Object> entry = Lectern.list(Lectern.JSON.fromJson(admin.get("api/audit?path=/" + path), List.class)).get(0);
        assertEquals(Lectern.ADMIN_USER, entry.get("user"));
        assertEquals("PUT", entry.get("method"));
        assertEquals("\"1\"", entry.get("versionBefore"));
        assertEquals("\"2\"", entry.get("versionAfter"));
    }

    @Test
    void usersAreCheckedAndTheirPasswordsNeverComeBack() {
        try (Response weak = admin.post("api/users", Map.of("name", "weak", "role", "editor", "password", "short"))) {
            String body = weak.readEntity(String.class);
            assertEquals(422, weak.getStatus());
            assertTrue(body.contains("\"field\":\"password\""), body);
        }
        try (Response badRole = admin.post("api/users", Map.of("name", "someone", "role", "root", "password", "long-enough-password"))) {
            assertEquals(422, badRole.getStatus());
        }
        try (Response shadow = admin.post("api/users", Map.of("name", Lectern.ADMIN_USER, "role", "admin", "password", "long-enough-password"))) {
            assertEquals(422, shadow.getStatus(), "the environment's admin cannot be replaced");
        }
        String name = "keeper-" + Lectern.unique("x").toLowerCase();
        admin.create("api/users", Map.of("name", name, "role", "admin", "password", "a-secret-kept-hashed"));
        try (Response duplicate = admin.post("api/users", Map.of("name", name, "role", "editor", "password", "another-long-password"))) {
            assertEquals(409, duplicate.getStatus());
        }
        String listed = admin.get("api/users");
        assertTrue(listed.contains(name));
        assertFalse(listed.contains("a-secret-kept-hashed") || listed.toLowerCase().contains("password"), listed);
        try (Response asNewAdmin = Lectern.as(name, "a-secret-kept-hashed").target(URI.create(Lectern.URL + "/api/users")).request().get()) {
            assertEquals(200, asNewAdmin.getStatus());
        }
    }

    /**
     * Failed logins are counted per client address. The attacker here connects from 127.0.0.2 (the
     * whole 127/8 is this machine), so the other tests, from 127.0.0.1, are not throttled.
     */
    @Test
    void repeatedFailedLoginsFromOneClientAreRefusedWithRetryAfterWhileOthersGoOn() throws Exception {
        URI url = URI.create(Lectern.URL);
        String good = Lectern.ADMIN_USER + ":" + Lectern.ADMIN_PASSWORD;
        assertEquals(200, statusFrom("127.0.0.2", url, good).status());
        for (int i = 0; i < 10; i++) {
            assertEquals(401, statusFrom("127.0.0.2", url, "admin:guess-" + i).status());
        }
        RawAnswer throttled = statusFrom("127.0.0.2", url, good);
        assertEquals(429, throttled.status(), "even the right password waits: " + throttled.head());
        assertTrue(throttled.head().toLowerCase().contains("retry-after:"), throttled.head());
        assertEquals(200, statusFrom("127.0.0.1", url, good).status(), "another client is not affected");
    }

    record RawAnswer(int status, String head) {
    }

    /** One GET of /api/events over a socket bound to the given local address. */
    private static RawAnswer statusFrom(String localAddress, URI server, String credentials) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName(server.getHost()), server.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events HTTP/1.1\r\nHost: " + server.getHost() + "\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            return new RawAnswer(Integer.parseInt(head.split(" ")[1]), head);
        }
    }

    @Test
    void pagesCarrySecurityHeadersAndHttpsAddsHsts() throws Exception {
        try (Response page = Lectern.anonymous().target(URI.create(Lectern.URL + "/")).request().get()) {
            assertEquals(200, page.getStatus());
            String policy = page.getHeaderString("Content-Security-Policy");
            assertTrue(policy.contains("default-src 'none'") && !policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", page.getHeaderString("X-Content-Type-Options"));
            assertEquals("strict-origin-when-cross-origin", page.getHeaderString("Referrer-Policy"));
            assertNull(page.getHeaderString("Strict-Transport-Security"), "HSTS only over HTTPS");
        }
        try (Response secure = httpsClient().target(URI.create(System.getProperty("lectern.https.url", "https://localhost:9443") + "/"))
                .request().get()) {
            assertEquals(200, secure.getStatus());
            assertTrue(secure.getHeaderString("Strict-Transport-Security").startsWith("max-age="));
            assertTrue(secure.getHeaderString("Content-Security-Policy").contains("default-src 'none'"));
        }
    }

    /** Trusts exactly the certificate the server generated at its first start, nothing else. */
    private static Client httpsClient() throws Exception {
        Path server = Path.of(System.getProperty("lectern.server.dir"));
        String password = Files.readAllLines(server.resolve("server.env")).stream()
                .filter(l -> l.startsWith("keystore_password=")).findFirst().orElseThrow().substring("keystore_password=".length());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server.resolve("resources/security/key.p12"))) {
            keys.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return ClientBuilder.newBuilder().sslContext(tls).build();
    }
}
