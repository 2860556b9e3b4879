package org.lectern.events.program;

import java.util.Set;
import java.util.UUID;

/** What one change touched: the ids a consumer needs to re-render only that. */
record ProgramChange(Set<UUID> sessionIds, Set<UUID> itemIds, Set<UUID> peopleAdded, Set<UUID> peopleRemoved,
                     boolean sessionChanged) {

    static final ProgramChange NONE = new ProgramChange(Set.of(), Set.of(), Set.of(), Set.of(), false);

    ProgramChange(Set<UUID> sessionIds, Set<UUID> itemIds, Set<UUID> peopleAdded, Set<UUID> peopleRemoved) {
        this(sessionIds, itemIds, peopleAdded, peopleRemoved, !sessionIds.isEmpty());
    }

    /** Whether no session, item or person was changed, added or removed. */
    boolean isEmpty() {
        return sessionIds.isEmpty() && itemIds.isEmpty() && peopleAdded.isEmpty() && peopleRemoved.isEmpty()
                && !sessionChanged;
    }
}
