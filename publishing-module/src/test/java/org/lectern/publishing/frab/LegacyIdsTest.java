package org.lectern.publishing.frab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;

class LegacyIdsTest {

    // both halves XORed with the same mask: the folded bits, so the numbers, are equal
    static final long MASK = 0x0F0F_0F0F_0F0F_0F0FL;
    static final UUID FIRST = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final UUID TWIN = new UUID(FIRST.getMostSignificantBits() ^ MASK, FIRST.getLeastSignificantBits() ^ MASK);

    @Test
    void aUuidGivesAlwaysTheSamePositiveNumber() {
        assertEquals(LegacyIds.of(FIRST), LegacyIds.of(UUID.fromString(FIRST.toString())));
        IntStream.range(0, 10_000).mapToObj(i -> UUID.randomUUID())
                .forEach(id -> assertTrue(LegacyIds.of(id) >= 1, id::toString));
        assertEquals(1, LegacyIds.of(new UUID(0, 0)), "zero is not a positive integer");
    }

    @Test
    void uuidsSharingAHalfStillDiffer() {
        // time-based UUIDs from one host share the node half
        assertNotEquals(LegacyIds.of(new UUID(0x1000_0000_0000_1000L, 42)), LegacyIds.of(new UUID(0x2000_0000_0000_1000L, 42)));
    }

    @Test
    void aCollisionWithinOneScheduleIsSettledInUuidOrder() {
        assertEquals(LegacyIds.of(FIRST), LegacyIds.of(TWIN));
        Map<UUID, Integer> ids = LegacyIds.unique(List.of(TWIN, FIRST));
        UUID smaller = FIRST.compareTo(TWIN) < 0 ? FIRST : TWIN;
        UUID larger = smaller == FIRST ? TWIN : FIRST;
        assertEquals(LegacyIds.of(smaller), ids.get(smaller));
        assertEquals(LegacyIds.of(smaller) + 1, ids.get(larger));
    }

    @Test
    void collidingItemsStillMakeAValidSchedule() {
        ZonedDateTime start = ZonedDateTime.of(2024, 9, 2, 10, 0, 0, 0, TestEvents.LONDON);
        EventView event = TestEvents.event("collide", "Collide", TestEvents.LONDON, LocalDate.of(2024, 9, 2),
                LocalDate.of(2024, 9, 2), EventView.Status.PUBLISHED, List.of(TestEvents.session("One", "Room",
                        TestEvents.item(FIRST, "talk", "First", start, 30),
                        TestEvents.item(TWIN, "talk", "Twin", start.plusMinutes(30), 30))));
        SchemaCheck.assertValidXml(ScheduleExport.xml(event, Map.of(), TestEvents.PAGE));
        SchemaCheck.assertValidJson(ScheduleExport.json(event, Map.of(), TestEvents.PAGE));
    }

    @Test
    void acronymsFitBothSchemas() {
        assertEquals("icse", FrabProgram.acronym("icse"));
        assertEquals("devconf-2024-us", FrabProgram.acronym("devconf-2024-us"));
        assertEquals("effgenai_2024", FrabProgram.acronym("effgenai-2024"));
        assertEquals("ai__", FrabProgram.acronym("ai"));
    }
}
