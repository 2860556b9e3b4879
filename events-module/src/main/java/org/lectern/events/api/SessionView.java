package org.lectern.events.api;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** A block of the program (a session) holding its items in order. */
public record SessionView(
        UUID id,
        String title,
        String kind,
        String room,
        List<UUID> chairs,
        ZonedDateTime start,
        ZonedDateTime end,
        List<ItemView> items) {

    public SessionView {
        chairs = List.copyOf(chairs);
        items = List.copyOf(items);
    }
}
