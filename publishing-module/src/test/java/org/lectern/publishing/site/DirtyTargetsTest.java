package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventChanged;
import org.lectern.events.api.EventChanged.Kind;

class DirtyTargetsTest {

    private static EventChanged change(UUID event, long version, Kind kind) {
        return new EventChanged(event, version, kind, Set.of(), Set.of(), Set.of(), Set.of(), Instant.now());
    }

    @Test
    void theMarksRememberTheNewestVersionAMessageNamed() {
        UUID event = UUID.randomUUID();
        DirtyTargets work = new DirtyTargets();
        work.mark(change(event, 7, Kind.UPDATED), Instant.now());
        work.mark(change(event, 5, Kind.UPDATED), Instant.now()); // an older message, redelivered late
        assertEquals(7, work.events().get(event).version);
    }

    @Test
    void aDeletionAsksForTheDatabaseWhateverTheCacheHolds() {
        UUID event = UUID.randomUUID();
        DirtyTargets work = new DirtyTargets();
        work.mark(change(event, 9, Kind.DELETED), Instant.now());
        work.mark(change(event, 9, Kind.UPDATED), Instant.now());
        assertEquals(Long.MAX_VALUE, work.events().get(event).version);
    }
}
