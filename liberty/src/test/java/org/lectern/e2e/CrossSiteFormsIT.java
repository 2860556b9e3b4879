package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

/**
 * Cross-site request forgery against the admin API: an organizer's browser keeps the Basic login,
 * and a page on another site makes it send a write. The browser is a real headless Chromium and the
 * attacker's page is served from another origin (127.0.0.1 on a port of its own, while the server is
 * at localhost), so the request carries what a browser really adds: the cached credentials, Origin,
 * Sec-Fetch-Site and a form's Content-Type.
 */
class CrossSiteFormsIT {

    final Lectern admin = new Lectern();

    @Test
    void aFormOnAnotherSiteCannotMakeALoggedInBrowserRebuildTheSite() throws Exception {
        URI server = URI.create(Lectern.URL);
        String target = Lectern.URL + "/api/publishing/rebuild";
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><title>Win a prize</title><form method=post enctype=text/plain action=\"" + target
                + "\"><input name=a value=b></form><script>document.forms[0].submit()</script>").getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        try (Chromium chromium = new Chromium()) {
            // the organizer looked at the API once: the browser now holds the login for /api/publishing/
            String login = URLEncoder.encode(Lectern.ADMIN_USER, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(Lectern.ADMIN_PASSWORD, StandardCharsets.UTF_8);
            chromium.open(server.getScheme() + "://" + login + "@" + server.getAuthority() + "/api/publishing/status", 800, 600);
            assertTrue(String.valueOf(chromium.script("return document.body.innerText")).contains("lagMillis"),
                    "the browser logged in: " + chromium.script("return document.body.innerText"));

            Instant before = Instant.now().minusSeconds(1);
            chromium.open("http://127.0.0.1:" + attacker.getAddress().getPort() + "/", 800, 600);

            // the forged POST reached the server with the admin's credentials, and was refused
            Map<String, Object> entry = awaitAudited(before, Duration.ofSeconds(15));
            System.out.println("CrossSiteFormsIT: the forged rebuild was answered " + entry.get("status") + " (" + entry + ")");
            assertEquals(Lectern.ADMIN_USER, entry.get("user"), "the browser sent the cached login: " + entry);
            assertEquals(403, ((Number) entry.get("status")).intValue(), "the rebuild did not run: " + entry);
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void writesWithAFormsContentTypeOrFromAnotherOriginAreRefusedWhileScriptsGoOn() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (Lectern.ADMIN_USER + ":" + Lectern.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI rebuild = URI.create(Lectern.URL + "/api/publishing/rebuild");
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", basic)
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("a=b")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, form.statusCode(), type + ": " + form.body());
            assertTrue(form.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), form.body());
        }
        for (String[] headers : List.of(new String[] {"Origin", "https://attacker.example"}, new String[] {"Origin", "null"},
                new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Sec-Fetch-Site", "same-site"})) {
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", basic)
                    .header("Content-Type", "application/json").header(headers[0], headers[1])
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode(), String.join(": ", headers) + " -> " + forged.body());
        }
        // a script (no Origin, JSON or no body) and the server's own origin still may
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, script.statusCode(), script.body());
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", basic)
                .header("Origin", Lectern.URL).header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, own.statusCode(), own.body());
        admin.awaitPublishingIdle(Duration.ofSeconds(120));
    }

    /** The first audit entry for the rebuild path at or after the instant, polled until it is there. */
    private Map<String, Object> awaitAudited(Instant since, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Map<String, Object>> entries = Lectern.list(Lectern.JSON.fromJson(
                    admin.get("api/audit?path=/api/publishing/rebuild&since=" + since), List.class));
            if (!entries.isEmpty()) {
                return entries.get(entries.size() - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the forged request never reached the server (no audit entry since " + since + ")");
            }
            Thread.sleep(200);
        }
    }
}
