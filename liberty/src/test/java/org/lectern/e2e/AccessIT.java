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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        // nor dead letters, nor making themselves (or anyone) an admin
        try (Response letters = editor.target(URI.create(Lectern.URL + "/api/publishing/dead-letters")).request().get()) {
            assertEquals(403, letters.getStatus());
        }
        try (Response replay = editor.target(URI.create(Lectern.URL + "/api/publishing/dead-letters")).request().post(Entity.json("{}"))) {
            assertEquals(403, replay.getStatus());
        }
        String promoted = "promoted-" + Lectern.unique("x").toLowerCase();
        try (Response escalation = editor.target(URI.create(Lectern.URL + "/api/users")).request()
                .post(Entity.json(Lectern.JSON.toJson(Map.of("name", promoted, "role", "admin", "password", "an-admin-by-the-back-door"))))) {
            assertEquals(403, escalation.getStatus(), escalation.readEntity(String.class));
        }
        assertEquals(404, admin.status("api/users/" + promoted), "no admin was made");

        // the editor's write is in the audit trail, with who, what and the version it made; so are the
        // writes refused to the editor (newest first)
        List<Map<String, Object>> trail = Lectern.list(Lectern.JSON.fromJson(admin.get("api/audit?user=" + name), List.class));
        assertEquals(List.of("POST /api/users 403", "POST /api/publishing/dead-letters 403", "POST /api/publishing/rebuild 403",
                "POST /api/events 201"), trail.stream().map(e -> e.get("method") + " " + e.get("path") + " "
                        + ((Number) e.get("status")).intValue()).toList(), trail.toString());
        Map<String, Object> entry = trail.get(3);
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

    /**
     * Walks every JAX-RS resource method of the application (found by reflection, not listed by hand):
     * each declares the access docs/security.md gives its path, anonymous callers get 401 on all but
     * the public exports, and an editor gets 403 on every admin method however its path is spelled
     * (trailing slash, doubled slash, dot segment, percent-encoded letter, matrix parameter).
     */
    @Test
    void everyResourceMethodDeclaresItsDocumentedRolesAndNoSpellingOfAnAdminPathLetsAnEditorIn() {
        Set<String> roots = ResourceMethods.rootResourceNames();
        assertTrue(roots.containsAll(Set.of("EventsResource", "FrabImportResource", "PeopleResource", "PublishingResource",
                "DeadLettersResource", "ExportsResource", "WebhooksResource", "UsersResource", "AuditResource")), roots.toString());
        List<ResourceMethods.Endpoint> endpoints = ResourceMethods.all();
        assertTrue(endpoints.size() > 40, endpoints.toString());

        String name = "walker-" + Lectern.unique("x").toLowerCase();
        String password = "an-editor-walks-the-api";
        admin.create("api/users", Map.of("name", name, "role", "editor", "password", password));
        Client editor = Lectern.as(name, password);
        Client anonymous = Lectern.anonymous();
        List<String> wrong = new ArrayList<>();
        for (ResourceMethods.Endpoint endpoint : endpoints) {
            String documented = documentedAccess(endpoint.template());
            if (!documented.equals(endpoint.declared())) {
                wrong.add(endpoint + ": docs/security.md says " + documented);
            }
            if (documented.equals("everyone")) {
                int open = call(anonymous, endpoint.httpMethod(), endpoint.path());
                if (open == 401 || open == 403) {
                    wrong.add(endpoint + ": anonymous got " + open);
                }
                continue;
            }
            int anon = call(anonymous, endpoint.httpMethod(), endpoint.path());
            if (anon != 401) {
                wrong.add(endpoint + ": anonymous got " + anon);
            }
            int asEditor = call(editor, endpoint.httpMethod(), endpoint.path());
            if (documented.equals("editor") && (asEditor == 401 || asEditor == 403)) {
                wrong.add(endpoint + ": an editor got " + asEditor);
            }
            if (documented.equals("admin")) {
                if (asEditor != 403) {
                    wrong.add(endpoint + ": an editor got " + asEditor);
                }
                for (String spelling : spellings(endpoint.path())) {
                    int status = call(editor, endpoint.httpMethod(), spelling);
                    if (status != 403 && status != 404 && status != 405 && status != 400) {
                        wrong.add(endpoint.httpMethod() + " /" + spelling + ": an editor got " + status);
                    }
                    int anonymousStatus = call(anonymous, endpoint.httpMethod(), spelling);
                    if (anonymousStatus != 401 && anonymousStatus != 404 && anonymousStatus != 405 && anonymousStatus != 400) {
                        wrong.add(endpoint.httpMethod() + " /" + spelling + ": anonymous got " + anonymousStatus);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "of " + endpoints.size() + " methods");
    }

    /** The access docs/security.md ("Who may do what") gives a path template. */
    static String documentedAccess(String template) {
        if (template.startsWith("api/publishing/export/")) {
            return "everyone";
        }
        for (String adminOnly : List.of("api/users", "api/audit", "api/publishing/rebuild", "api/publishing/webhooks",
                "api/publishing/dead-letters")) {
            if (template.equals(adminOnly) || template.startsWith(adminOnly + "/")) {
                return "admin";
            }
        }
        return "editor";
    }

    /** Other ways to write the same path that servers and frameworks are known to treat alike. */
    static List<String> spellings(String path) {
        int lastSlash = path.lastIndexOf('/');
        String head = path.substring(0, lastSlash);
        String last = path.substring(lastSlash + 1);
        String encodedLast = last.substring(0, last.length() - 1) + String.format("%%%02X", (int) last.charAt(last.length() - 1));
        return List.of(path + "/", path + "//", path.replaceFirst("^api/", "api//"), head + "//" + last, head + "/./" + last,
                head + "/x/../" + last, head + "/" + encodedLast, head + "%2F" + last, path + ";x=1", head + "/" + last + "/.");
    }

    /** One request without a meaningful body (JSON {} for the methods that take one); answers the status. */
    private static int call(Client client, String method, String path) {
        jakarta.ws.rs.client.Invocation.Builder request = client.target(URI.create(Lectern.URL + "/" + path)).request();
        try (Response response = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? request.method(method, Entity.json("{}")) : request.method(method)) {
            return response.getStatus();
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
    void passwordsThatAreGuessedFirstAreRefused() {
        for (String weak : List.of("            ", "aaaaaaaaaaaaaaaa", "Password1234", "QWERTY123456", "administrator")) {
            try (Response refused = admin.post("api/users", Map.of("name", Lectern.unique("weak").toLowerCase(), "role", "editor",
                    "password", weak))) {
                String body = refused.readEntity(String.class);
                assertEquals(422, refused.getStatus(), "'" + weak + "': " + body);
                assertTrue(body.contains("\"field\":\"password\""), body);
            }
        }
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

    /**
     * The throttle counts per account and address: guesses at one account (from 127.0.0.3) make that
     * account wait there, while the admin, from the same address, still logs in.
     */
    @Test
    void failedLoginsForOneAccountDoNotLockOutAnotherFromTheSameAddress() throws Exception {
        URI url = URI.create(Lectern.URL);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, statusFrom("127.0.0.3", url, "someone-else:guess-" + i).status());
        }
        assertEquals(429, statusFrom("127.0.0.3", url, "someone-else:guess-10").status(), "that account waits");
        RawAnswer admin = statusFrom("127.0.0.3", url, Lectern.ADMIN_USER + ":" + Lectern.ADMIN_PASSWORD);
        assertEquals(200, admin.status(), "another account from the same address is not locked out: " + admin.head());
    }

    /** 100 wrong logins at once for one account: no more than the limit (10) get their password checked. */
    @Test
    void concurrentWrongLoginsGetNoMoreChecksThanTheLimit() throws Exception {
        URI url = URI.create(Lectern.URL);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(100);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String guess = "concurrent-target:guess-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return statusFrom("127.0.0.5", url, guess).status();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                counts.merge(answer.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
            System.out.println("AccessIT: 100 concurrent wrong logins were answered " + counts);
            assertEquals(100, counts.getOrDefault(401, 0) + counts.getOrDefault(429, 0), counts.toString());
            assertEquals(10, counts.getOrDefault(401, 0), "checked: exactly the limit, " + counts);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The site needs no login, so credentials sent to it are ignored: a wrong password (a browser
     * that still sends an old one) gets the page, not a 500, and is not a failed login.
     */
    @Test
    void wrongCredentialsOnPublicPagesAreIgnoredAndNotCountedAsFailedLogins() throws Exception {
        URI url = URI.create(Lectern.URL);
        for (String path : List.of("/", "/calendar.ics", "/api/publishing/export/site.zip", "/no-such-page")) {
            for (int i = 0; i < 4; i++) {
                RawAnswer page = statusFrom("127.0.0.4", url, "admin:an-old-password", path);
                assertEquals(path.equals("/no-such-page") ? 404 : 200, page.status(), path + ": " + page.head());
            }
        }
        assertEquals(200, statusFrom("127.0.0.4", url, Lectern.ADMIN_USER + ":" + Lectern.ADMIN_PASSWORD).status(),
                "16 wrong passwords on public pages are no failed logins");
    }

    /** A path no file could have (a name longer than the file system allows) is a plain 404 with the usual headers. */
    @Test
    void aPathTooLongForAnyFileIsNotFoundAndNamesNothingInside() throws Exception {
        for (String path : List.of("/" + "a".repeat(300), "/events/" + "b".repeat(300) + "/", "/assets/" + "c".repeat(300) + ".css")) {
            try (Response answer = Lectern.anonymous().target(URI.create(Lectern.URL + path)).request().get()) {
                String body = answer.readEntity(String.class);
                assertEquals(404, answer.getStatus(), path + ": " + body);
                assertTrue(answer.getHeaderString("Content-Security-Policy").contains("default-src 'none'"), path);
                for (String inside : List.of("Exception", "java.", "com.ibm", "/wlp/", "usr/servers")) {
                    assertFalse(body.contains(inside), path + " names " + inside + ": " + body);
                }
            }
        }
    }

    /**
     * A request Liberty refuses before the application sees it (a malformed percent escape) still
     * carries the security headers, and its body names nothing inside the server.
     */
    @Test
    void aMalformedRequestIsRefusedWithTheSecurityHeaders() throws Exception {
        // a malformed escape (Liberty's own 400) and a backslash (an exception in Liberty's request checks,
        // whose page named com.ibm.wsspi.webcontainer.util.RequestUtils)
        for (String path : List.of("/events/%zz/", "/a\\b", "/events/x\\..\\y/")) {
            URI url = URI.create(Lectern.URL);
            try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
                String body = answer.substring(head.length());
                assertTrue(head.startsWith("HTTP/1.1 400"), path + ": " + answer);
                assertTrue(head.contains("Content-Security-Policy: default-src 'none'"), path + ": " + answer);
                assertTrue(head.contains("X-Content-Type-Options: nosniff"), path + ": " + answer);
                for (String inside : List.of("com.ibm", "Exception", "java.", "/wlp/", "usr/servers")) {
                    assertFalse(body.contains(inside), path + " names " + inside + ": " + body);
                }
            }
        }
    }

    /** A wrong password takes about as long for the admin's name as for a name that does not exist. */
    @Test
    void aWrongPasswordTakesAsLongForTheAdminAsForAnUnknownName() throws Exception {
        URI url = URI.create(Lectern.URL);
        long[] admin = new long[8];
        long[] unknown = new long[8];
        for (int i = 0; i < 8; i++) {
            long began = System.nanoTime();
            assertEquals(401, statusFrom("127.0.0.6", url, Lectern.ADMIN_USER + ":wrong-" + i).status());
            admin[i] = System.nanoTime() - began;
            began = System.nanoTime();
            assertEquals(401, statusFrom("127.0.0.6", url, "nobody-" + i + ":wrong-" + i).status());
            unknown[i] = System.nanoTime() - began;
        }
        java.util.Arrays.sort(admin);
        java.util.Arrays.sort(unknown);
        long adminMedian = admin[4] / 1_000_000;
        long unknownMedian = unknown[4] / 1_000_000;
        System.out.println("AccessIT: wrong password, median " + adminMedian + " ms for the admin, " + unknownMedian + " ms for unknown names");
        assertTrue(adminMedian * 3 >= unknownMedian, "admin " + adminMedian + " ms, unknown " + unknownMedian + " ms");
    }

    /** A user name cannot forge a line in the server's log, and refused writes are in the audit trail. */
    @Test
    void aUserNameCannotForgeALogLineAndRefusedWritesAreAudited() throws Exception {
        String marker = Lectern.unique("FORGED");
        assertEquals(401, statusFrom("127.0.0.7", URI.create(Lectern.URL), "eve\n" + marker + " I admin logged in:x").status());
        Path log = Path.of(System.getProperty("lectern.server.dir"), "logs", "messages.log");
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (lines.stream().anyMatch(l -> l.contains(marker))) {
                break;
            }
            Thread.sleep(200);
        }
        List<String> mentioning = lines.stream().filter(l -> l.contains(marker)).toList();
        assertEquals(1, mentioning.size(), mentioning.toString());
        assertTrue(mentioning.get(0).contains("Failed login") && mentioning.get(0).contains("eve\\u000a" + marker),
                "the name stays on the failed login's line, escaped: " + mentioning);

        String since = java.time.Instant.now().minusSeconds(2).toString();
        String slug = Lectern.unique("refused");
        try (Response refused = Lectern.anonymous().target(URI.create(Lectern.URL + "/api/events?from=" + slug)).request()
                .post(Entity.json("{}"))) {
            assertEquals(401, refused.getStatus());
        }
        try (Response wrong = Lectern.as("nobody", "wrong-password").target(URI.create(Lectern.URL + "/api/events?from=" + slug))
                .request().delete()) {
            assertEquals(401, wrong.getStatus());
        }
        List<Map<String, Object>> trail = Lectern.list(Lectern.JSON.fromJson(
                admin.get("api/audit?path=/api/events?from=" + slug + "&since=" + since), List.class));
        assertEquals(List.of("DELETE 401", "POST 401"), trail.stream()
                .map(e -> e.get("method") + " " + ((Number) e.get("status")).intValue()).toList(), trail.toString());
    }

    /**
     * Basic over plain HTTP from another machine is refused (the password crossed the network in
     * clear); this machine's own non-loopback address stands in for another machine.
     */
    @Test
    void basicOverPlainHttpIsRefusedFromOtherMachines() throws Exception {
        InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
        URI url = URI.create(Lectern.URL);
        RawAnswer api = statusFrom(outside, outside, url, Lectern.ADMIN_USER + ":" + Lectern.ADMIN_PASSWORD, "/api/events");
        assertEquals(403, api.status(), "from " + outside + ": " + api.head());
        RawAnswer site = statusFrom(outside, outside, url, Lectern.ADMIN_USER + ":" + Lectern.ADMIN_PASSWORD, "/");
        assertEquals(200, site.status(), "the public site does not care: " + site.head());
    }

    /** One GET of /api/events over a socket bound to the given local address. */
    private static RawAnswer statusFrom(String localAddress, URI server, String credentials) throws Exception {
        return statusFrom(localAddress, server, credentials, "/api/events");
    }

    /** One GET of the path over a socket from the given local address to the server's host (or another address of it). */
    private static RawAnswer statusFrom(String localAddress, URI server, String credentials, String path) throws Exception {
        return statusFrom(InetAddress.getByName(localAddress), InetAddress.getByName(server.getHost()), server, credentials, path);
    }

    private static RawAnswer statusFrom(InetAddress local, InetAddress remote, URI server, String credentials, String path)
            throws Exception {
        try (Socket socket = new Socket(remote, server.getPort(), local, 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nAuthorization: Basic "
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
