package org.lectern.events.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Sent on {@code lectern.events} after a change to an event, its program or committee committed.
 * It names what changed; consumers read the current state through {@link EventCatalog}.
 */
public record EventChanged(
        UUID eventId,
        long eventVersion,
        Kind kind,
        Set<UUID> sessionIds,
        Set<UUID> itemIds,
        Set<UUID> peopleAdded,
        Set<UUID> peopleRemoved,
        Instant occurredAt) {

    public static final String TYPE = "EventChanged";
    public static final int SCHEMA_VERSION = 1;

    public enum Kind { CREATED, UPDATED, PUBLISHED, UNPUBLISHED, CANCELLED, DELETED }

    public EventChanged {
        sessionIds = Set.copyOf(sessionIds);
        itemIds = Set.copyOf(itemIds);
        peopleAdded = Set.copyOf(peopleAdded);
        peopleRemoved = Set.copyOf(peopleRemoved);
    }
}
