package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.events.api.EventView;
import org.lectern.events.frab.FrabImport;
import org.lectern.events.frab.FrabReader;
import org.lectern.events.frab.FrabSchedule;
import org.lectern.events.frab.FrabTalk;
import org.lectern.people.api.PersonView;
import org.lectern.publishing.frab.ScheduleExport;

/**
 * Import, then export, of every dataset, through the real code of both modules without a server:
 * the schedule read back from Lectern's schedule.xml and schedule.json keeps every talk, time,
 * room and person. (In the events module's package, to build the Event aggregate directly; the
 * ExportIT does the same through the running server for the smaller datasets.)
 */
class FrabRoundTripTest {

    static final Path DATASETS = Path.of("..", "..", "shared", "datasets", "frab");
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({"fosdem_2021.xml, Europe/Brussels", "36c3_merged.xml, Europe/Berlin", "debconf23.xml, UTC",
            "frab-camp2019.json, UTC", "pretalx-democon.json, UTC"})
    void everyTalkTimeRoomAndPersonSurvives(String file, String zone) throws Exception {
        FrabSchedule source = FrabReader.read(Files.readAllBytes(DATASETS.resolve(file)), ZoneId.of(zone));
        FrabImport.Plan plan = FrabImport.plan(source, null, ZoneId.of(zone));
        Event event = new Event(plan.event(), NOW);
        event.replaceProgram(plan.program(), NOW, true);
        event.publish(NOW);
        EventView view = event.view();
        Map<UUID, PersonView> people = plan.people().stream()
                .map(p -> new PersonView(p.id(), "p", p.name(), PersonView.Kind.PERSON, null, java.util.List.of(), null,
                        java.util.List.of(), null, null, null, 1, NOW))
                .collect(Collectors.toMap(PersonView::id, Function.identity()));
        java.net.URI page = java.net.URI.create("https://events.example.org/events/" + view.slug() + "/");

        for (byte[] export : new byte[][] {ScheduleExport.xml(view, people, page), ScheduleExport.json(view, people, page)}) {
            FrabSchedule back = FrabReader.read(export);
            assertEquals(source.talks().size(), back.talks().size());
            assertEquals(signatures(source), signatures(back));
            assertEquals(names(source), names(back));
        }
    }

    private static Set<String> signatures(FrabSchedule schedule) {
        return schedule.talks().stream().map(FrabRoundTripTest::signature).collect(Collectors.toSet());
    }

    private static String signature(FrabTalk talk) {
        return talk.start().withOffsetSameInstant(ZoneOffset.UTC) + "|" + talk.duration().toMinutes() + "|"
                + talk.room().strip().toLowerCase().replaceAll("\\s+", " ") + "|" + talk.title().replaceAll("\\s+", " ").strip();
    }

    private static Set<String> names(FrabSchedule schedule) {
        return schedule.talks().stream().flatMap(t -> t.persons().stream())
                .map(p -> p.name().replaceAll("\\s+", " ").strip()).collect(Collectors.toSet());
    }
}
