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

    @Test
    void mergingKeepsTheNewestVersionOfEitherSide() {
        UUID event = UUID.randomUUID();
        DirtyTargets failed = new DirtyTargets();
        failed.mark(change(event, 4, Kind.UPDATED), Instant.now());
        DirtyTargets newer = new DirtyTargets();
        newer.mark(change(event, 6, Kind.UPDATED), Instant.now());
        failed.merge(newer);
        assertEquals(6, failed.events().get(event).version, "a retried batch must not render the copy of version 4");

        DirtyTargets older = new DirtyTargets();
        older.mark(change(event, 2, Kind.UPDATED), Instant.now());
        failed.merge(older);
        assertEquals(6, failed.events().get(event).version);
    }
}
