package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 4: kill -9 of a server in the middle of a large render leaves every published file
 * whole, old or new; after a plain restart the site shows the data as it was at the kill, with no
 * manual step. The render is of changed data (every talk of the 36c3 program retitled by a
 * re-import), so the killed render was replacing files, not skipping equal bytes. On a second
 * server with an embedded Derby and broker of its own (on either stack), so neither the build's
 * server nor its database feel the big program. Being the same test on both stacks, it runs once,
 * in the embedded pass. The same server publishes FOSDEM's program: the served exports of both big
 * programs are checked against ../shared/schemas.
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
        String original = Files.readString(DATASET, StandardCharsets.UTF_8);
        try (Response published = server.post("api/events/" + importProgram(slug, original, 201) + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        awaitSettled();
        assertEquals(List.of(), PublishedFiles.broken(server.site()), "whole before the kill");
        assertEquals(0, retitled(server.get("events/" + slug + "/schedule.xml"), "Retitled"));

        String prefix = killDuringARenderOfRetitledTalks(slug, original);
        List<String> broken = PublishedFiles.broken(server.site());
        String scheduleAtTheKill = Files.readString(server.site().resolve("events/" + slug + "/schedule.xml"));
        System.out.printf("KillDuringRenderIT: killed with %d of %d talks retitled in schedule.xml on disk%n",
                retitled(scheduleAtTheKill, prefix), TALKS);
        assertEquals(List.of(), broken, "every file is whole after kill -9");

        server.start();
        String schedule = awaitRetitled(slug, prefix);
        assertEquals(TALKS, schedule.split("<event ", -1).length - 1, "the restarted server serves the whole program");
        server.awaitIdle(Duration.ofMinutes(5));
        assertEquals(List.of(), PublishedFiles.broken(server.site()), "and after the restart");
        Map<String, String> afterRestart = PublishedFiles.hashes(server.site());
        assertTrue(server.get("events/" + slug + "/schedule/").contains(prefix), "and so do its pages");
        ExportIT.assertValid("36c3 schedule.xml", schedule);
        ExportIT.assertValid("36c3 schedule.json", server.get("events/" + slug + "/schedule.json"));
        long renders = ((Number) server.awaitIdle(Duration.ofMinutes(1)).get("renders")).longValue();
        try (Response rebuild = server.post("api/publishing/rebuild", Map.of())) {
            assertEquals(202, rebuild.getStatus());
        }
        awaitRendersAbove(renders);
        server.awaitIdle(Duration.ofMinutes(5));
        assertEquals(afterRestart, PublishedFiles.hashes(server.site()),
                "a full render from the data changes nothing: the restart alone brought every file in line");
    }

    /** FOSDEM's program (773 talks, 106 rooms) published here: its served exports are valid by ../shared/schemas. */
    @Test
    void fosdemsPublishedExportsAreValidByTheSchemas() throws Exception {
        String slug = Lectern.unique("fosdem");
        String program = Files.readString(DATASET.resolveSibling("fosdem_2021.xml"), StandardCharsets.UTF_8);
        String eventId;
        try (Response imported = server.target("api/imports/frab?timeZone=Europe/Brussels&slug=" + slug).request()
                .post(Entity.entity(program.getBytes(StandardCharsets.UTF_8), "application/xml"))) {
            String body = imported.readEntity(String.class);
            assertEquals(201, imported.getStatus(), body);
            eventId = (String) Lectern.json(body).get("eventId");
        }
        awaitSettled();
        try (Response published = server.post("api/events/" + eventId + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        server.awaitIdle(Duration.ofMinutes(5));
        String xml = server.get("events/" + slug + "/schedule.xml");
        assertEquals(773, xml.split("<event ", -1).length - 1, "every talk is in the export");
        ExportIT.assertValid("FOSDEM schedule.xml", xml);
        ExportIT.assertValid("FOSDEM schedule.json", server.get("events/" + slug + "/schedule.json"));
    }

    /** Imports the program (or re-imports it over the event of that slug); returns the event's id. */
    private static String importProgram(String slug, String program, int expectedStatus) {
        try (Response imported = server.target("api/imports/frab?timeZone=Europe/Berlin&slug=" + slug).request()
                .post(Entity.entity(program.getBytes(StandardCharsets.UTF_8), "application/xml"))) {
            String body = imported.readEntity(String.class);
            assertEquals(expectedStatus, imported.getStatus(), body);
            return (String) Lectern.json(body).get("eventId");
        }
    }

    /**
     * Retitles every talk (a re-import of the program with a prefix on each talk's title) and kills
     * the server once the render of the change is under way; returns the prefix of the titles at the
     * kill. Another round, with another prefix, when a render was not caught.
     */
    private static String killDuringARenderOfRetitledTalks(String slug, String original) throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            String prefix = "Retitled" + attempt + " ";
            importProgram(slug, retitle(original, prefix), 200);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, Object> status = Lectern.json(server.get("api/publishing/status"));
                if (Boolean.TRUE.equals(status.get("rendering"))) {
                    Thread.sleep(200); // well into writing files
                    server.kill();
                    return prefix;
                }
                Thread.sleep(5);
            }
            server.awaitIdle(Duration.ofMinutes(5));
        }
        throw new AssertionError("no render of the retitled program was caught to kill the server in");
    }

    /** The frab program with the prefix before each talk's title (the first title in each event element). */
    private static String retitle(String program, String prefix) {
        StringBuilder retitled = new StringBuilder(program.length() + TALKS * prefix.length());
        int from = 0;
        for (int event; (event = program.indexOf("<event ", from)) >= 0; ) {
            int title = program.indexOf("<title>", event) + "<title>".length();
            retitled.append(program, from, title).append(prefix);
            from = title;
        }
        return retitled.append(program.substring(from)).toString();
    }

    /** Polls the restarted server's schedule.xml until every talk shows its new title (2 minutes at most). */
    private static String awaitRetitled(String slug, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String schedule = server.get("events/" + slug + "/schedule.xml");
        while (retitled(schedule, prefix) != TALKS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after the restart only " + retitled(schedule, prefix) + " of " + TALKS
                        + " talks show their new title in schedule.xml");
            }
            Thread.sleep(200);
            schedule = server.get("events/" + slug + "/schedule.xml");
        }
        return schedule;
    }

    /** How many talk titles in a schedule.xml begin with the prefix. */
    private static int retitled(String scheduleXml, String prefix) {
        return scheduleXml.split("<title>" + Pattern.quote(prefix), -1).length - 1;
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
