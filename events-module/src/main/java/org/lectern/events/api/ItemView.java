package org.lectern.events.api;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One entry of the program: a talk, a break, a panel. {@code sequence} rises with every change of
 * the item and {@code lastModified} is the time of that change (what calendar feeds need). In JSON
 * the people are {@code speakers} and {@code moderators}, as an item's PUT names them.
 *
 * @param durationOnly the organizer gave only a duration: the start follows the item before
 * @param moderatorIds a panel's moderators (its panelists are the speakers)
 * @param track        the conference track, or null
 */
public record ItemView(
        UUID id,
        String kind,
        String title,
        ZonedDateTime start,
        ZonedDateTime end,
        boolean durationOnly,
        @JsonbProperty("speakers") List<UUID> speakerIds,
        @JsonbProperty("moderators") List<UUID> moderatorIds,
        boolean speakerToBeAnnounced,
        String abstractText,
        String slidesUrl,
        String recordingUrl,
        boolean cancelled,
        int sequence,
        Instant lastModified,
        String track) {

    public ItemView {
        speakerIds = List.copyOf(speakerIds);
        moderatorIds = List.copyOf(moderatorIds);
    }
}
