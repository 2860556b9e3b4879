package org.lectern.events.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read access to published events for other modules, in process. Drafts are invisible here. */
public interface EventCatalog {

    /** The event if it is published (or was published and then cancelled). */
    Optional<EventView> publishedEvent(UUID eventId);

    /**
     * As {@link #publishedEvent(UUID)}, read again from the database when the copy at hand is older
     * than {@code atLeastVersion}. A change's message can arrive before the committed change has
     * reached the persistence provider's shared cache (it is merged after the commit); a reader
     * told of version n must not render n-1. {@code Long.MAX_VALUE} checks the database always
     * (after a deletion, whose message names the last version).
     */
    Optional<EventView> publishedEvent(UUID eventId, long atLeastVersion);

    /** Every published or cancelled event, earliest first. */
    List<EventView> publishedEvents();

    /** The ids of every published or cancelled event: one light query, where the views are not needed. */
    List<UUID> publishedEventIds();

    /** Published events that name the person anywhere (program, committee, meetings). */
    Set<UUID> publishedEventsWith(UUID personId);
}
