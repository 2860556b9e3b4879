package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 4: kill -9 of a server in the middle of a large render (the whole site again, with the
 * 36c3 program and its people) leaves every published file whole, old or new; after a plain restart
 * the site matches the data with no manual step: a full render from the data changes no byte.
 * On a second server with an embedded Derby and broker of its own (on either stack), so neither the
 * build's server nor its database feel the big program. Being the same test on both stacks, it
 * runs once, in the embedded pass.
 */
class KillDuringRenderIT {

    static final Path DATASET = Path.of("..", "..", "shared", "datasets", "frab", "36c3_merged.xml");
    static final int TALKS = 1351;

    static SecondServer server;

    @BeforeAll
    static void startAServerToKill() throws Exception {
        Stack.assumeEmbedded();
        server = SecondServer.create("lectern-kill", 9182, 9545, SecondServer.Services.OWN, Map.of());
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyFileIsWholeAfterAKillDuringARenderAndTheRestartBringsTheSiteInLine() throws Exception {
        String slug = Lectern.unique("36c3");
        String eventId;
        try (Response imported = server.target("api/imports/frab?timeZone=Europe/Berlin&slug=" + slug).request()
                .post(Entity.entity(Files.readAllBytes(DATASET), "application/xml"))) {
            String body = imported.readEntity(String.class);
            assertEquals(201, imported.getStatus(), body);
            eventId = (String) Lectern.json(body).get("eventId");
        }
        try (Response published = server.post("api/events/" + eventId + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        awaitSettled();
        assertEquals(List.of(), PublishedFiles.broken(server.site()), "whole before the kill");

        assertTrue(killDuringARender(), "the server was killed while it rendered");
        List<String> broken = PublishedFiles.broken(server.site());
        assertEquals(List.of(), broken, "every file is whole after kill -9");

        server.start();
        assertEquals(List.of(), PublishedFiles.broken(server.site()), "and after the restart");
        String schedule = server.get("events/" + slug + "/schedule.xml");
        assertEquals(TALKS, schedule.split("<event ", -1).length - 1, "the restarted server serves the whole program");
        Map<String, String> afterRestart = PublishedFiles.hashes(server.site());
        long renders = ((Number) server.awaitIdle(Duration.ofMinutes(1)).get("renders")).longValue();
        try (Response rebuild = server.post("api/publishing/rebuild", Map.of())) {
            assertEquals(202, rebuild.getStatus());
        }
        awaitRendersAbove(renders);
        server.awaitIdle(Duration.ofMinutes(5));
        assertEquals(afterRestart, PublishedFiles.hashes(server.site()),
                "a full render from the data changes nothing: the restart alone brought the site in line");
    }

    /** Starts a full render and kills the server once it is under way; false if no render was caught. */
    private static boolean killDuringARender() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Response rebuild = server.post("api/publishing/rebuild", Map.of())) {
                assertEquals(202, rebuild.getStatus());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, Object> status = Lectern.json(server.get("api/publishing/status"));
                if (Boolean.TRUE.equals(status.get("rendering"))) {
                    Thread.sleep(200); // well into writing files
                    server.kill();
                    return true;
                }
                Thread.sleep(5);
            }
            server.awaitIdle(Duration.ofMinutes(5));
        }
        return false;
    }

    /**
     * Waits until the import's people are all registered (the people module does it from a queue,
     * after the import answered) and their pages rendered: the count of people holds still for 3 s
     * while the publisher is idle.
     */
    private static void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Object people = null;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            server.awaitIdle(Duration.ofMinutes(5));
            Object now = Lectern.json(server.get("api/people?limit=1")).get("total");
            if (!now.equals(people)) {
                people = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(3).toNanos()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the import's people never settled: " + people);
    }

    private static void awaitRendersAbove(long renders) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (((Number) Lectern.json(server.get("api/publishing/status")).get("renders")).longValue() > renders) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rebuild never rendered");
    }
}
