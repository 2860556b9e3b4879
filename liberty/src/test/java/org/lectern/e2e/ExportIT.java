package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lectern.events.frab.FrabReader;
import org.lectern.events.frab.FrabSchedule;
import org.lectern.events.frab.FrabTalk;

/**
 * A round trip on the running server: a dataset imported, published, and its schedule.xml and
 * schedule.json read back with the import's own reader keep every talk, time, room and person; the
 * served exports of these datasets and of the demo events are valid by ../shared/schemas (the big
 * 36c3 and FOSDEM programs are checked on KillDuringRenderIT's server of their own).
 */
class ExportIT {

    static final Path DATASETS = Path.of("..", "..", "shared", "datasets", "frab");

    final Lectern lectern = new Lectern();

    @ParameterizedTest
    @CsvSource({"debconf23.xml, application/xml", "pretalx-democon.json, application/json",
            "frab-camp2019.json, application/json"})
    void anImportedScheduleComesBackWithEveryTalkTimeRoomAndPerson(String file, String type) throws Exception {
        byte[] original = Files.readAllBytes(DATASETS.resolve(file));
        String slug = Lectern.unique("roundtrip");
        Map<String, Object> report;
        try (Response imported = lectern.target("api/imports/frab?slug=" + slug).request()
                .post(Entity.entity(original, type))) {
            assertEquals(201, imported.getStatus());
            report = Lectern.json(imported.readEntity(String.class));
        }
        FrabSchedule source = FrabReader.read(original);
        // publish once the people module has registered the speakers, so the export names them
        waitForPeople(source);
        lectern.post("api/events/" + report.get("eventId") + "/publish", Map.of()).close();

        for (String export : List.of("schedule.xml", "schedule.json")) {
            String body = lectern.awaitPublished("events/" + slug + "/" + export, b -> b.length() > 0,
                    Duration.ofSeconds(60)).body();
            assertValid(export, body);
            FrabSchedule back = FrabReader.read(body.getBytes(StandardCharsets.UTF_8));
            assertEquals(source.talks().size(), back.talks().size(), export + " keeps every talk");
            assertEquals(signatures(source), signatures(back), export + " keeps every time, room and title");
            assertEquals(people(source), people(back), export + " keeps every person");
        }
    }

    /** The demo events' served exports, as a visitor downloads them, are valid by the shared schemas. */
    @ParameterizedTest
    @ValueSource(strings = {"effgenai-2024", "effgenai-call", "genai-catalyst-asplos-2025", "efficient-ml-systems-seminar-2025"})
    void theDemoEventsExportsAreValidByTheSchemas(String slug) {
        for (String export : List.of("schedule.xml", "schedule.json")) {
            assertValid(slug + "/" + export, lectern.get("events/" + slug + "/" + export));
        }
    }

    /** A served schedule.xml or schedule.json against the XSD or the JSON schema of ../shared/schemas. */
    static void assertValid(String what, String export) {
        List<String> errors = what.endsWith(".xml") ? FrabSchemas.xmlErrors(export) : FrabSchemas.jsonErrors(export);
        assertEquals(List.of(), errors, what + " is not valid by its schema");
    }

    private void waitForPeople(FrabSchedule source) throws InterruptedException {
        String someone = source.talks().stream().flatMap(t -> t.persons().stream()).findFirst().orElseThrow().name();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (((Number) Lectern.json(lectern.get("api/people?q=" + java.net.URLEncoder.encode(someone,
                StandardCharsets.UTF_8).replace("+", "%20"))).get("total")).intValue() == 0) {
            assertTrue(System.nanoTime() < deadline, someone + " was never registered");
            Thread.sleep(100);
        }
    }

    /** What must survive for each talk: its instant, length, room and title. */
    private static Set<String> signatures(FrabSchedule schedule) {
        return schedule.talks().stream().map(ExportIT::signature).collect(Collectors.toSet());
    }

    private static String signature(FrabTalk talk) {
        return talk.start().withOffsetSameInstant(ZoneOffset.UTC) + "|" + talk.duration().toMinutes() + "|"
                + talk.room().strip().toLowerCase() + "|" + talk.title().replaceAll("\\s+", " ").strip();
    }

    private static Set<String> people(FrabSchedule schedule) {
        return schedule.talks().stream().flatMap(t -> t.persons().stream())
                .map(p -> p.name().replaceAll("\\s+", " ").strip()).collect(Collectors.toSet());
    }
}
