package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.events.api.EventView;
import org.lectern.events.frab.FrabImport;
import org.lectern.events.frab.FrabReader;

/** Every dataset, planned as an import, passes the event's rules; a second import changes nothing. */
class FrabImportRulesTest {

    static final Path DATASETS = Path.of("..", "..", "shared", "datasets", "frab");
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "fosdem_2021.xml, Europe/Brussels, 773, 106",
            "36c3_merged.xml, Europe/Berlin, 1351, 90",
            "debconf23.xml, Asia/Kolkata, 117, 5",
            "frab-camp2019.json, Europe/Berlin, 79, 2",
            "pretalx-democon.json, UTC, 36, 2"})
    void aDatasetBecomesAValidEventAndReimportingItChangesNothing(String file, String zone, int talks, int rooms)
            throws IOException {
        byte[] document = Files.readAllBytes(DATASETS.resolve(file));
        FrabImport.Plan plan = FrabImport.plan(FrabReader.read(document, ZoneId.of(zone)), null, ZoneId.of(zone));
        assertEquals(talks, plan.items());
        assertEquals(rooms, plan.rooms(), "rooms that hold talks, names equal but for case and spaces as one");

        Event event = new Event(plan.event(), NOW);
        event.replaceProgram(plan.program(), NOW, true);
        EventView view = event.view();
        assertEquals(talks, view.items().size());

        FrabImport.Plan again = FrabImport.plan(FrabReader.read(document, ZoneId.of(zone)), null, ZoneId.of(zone));
        ProgramChange change = event.replaceProgram(again.program(), NOW.plusSeconds(1), true);
        assertTrue(change.itemIds().isEmpty(), change.itemIds().size() + " items changed on re-import");
        assertEquals(talks, event.view().items().size());
        assertEquals(plan.people().stream().map(p -> p.id()).toList(), again.people().stream().map(p -> p.id()).toList());
    }
}
