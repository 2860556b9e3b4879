package org.lectern.events.program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbProperty;

import org.lectern.events.api.ItemView;

/**
 * Sessions and items as the admin API shows them: the fields their PUT takes, as the organizer
 * gave them (local wall-clock times in the event's zone, {@code speakers}, {@code moderators}),
 * followed by read-only facts that a PUT may carry back and that are then ignored
 * ({@link SessionInput.ItemInput#READ_ONLY_FIELDS}). So what a GET returns is a PUT body that
 * changes nothing, and the same names and times as {@code /program}.
 */
public final class ProgramDocuments {

    private ProgramDocuments() {
    }

    /** A document and the version of the event it was read from (the ETag of both). */
    public record Versioned<T>(T document, long version) {
    }

    public record SessionDocument(
            UUID id,
            String title,
            String kind,
            String room,
            List<UUID> chairs,
            LocalDateTime start,
            LocalDateTime end,
            List<ItemDocument> items) {
    }

    /**
     * An item. {@code start}, {@code end} and {@code durationMinutes} are as given (an item of the
     * tutorial's agenda has only a duration); {@code scheduledStart} and {@code scheduledEnd} are
     * where it falls, derived, read-only, like {@code sequence} and {@code lastModified}.
     */
    public record ItemDocument(
            UUID id,
            String kind,
            String title,
            LocalDateTime start,
            LocalDateTime end,
            Integer durationMinutes,
            List<UUID> speakers,
            List<UUID> moderators,
            @JsonbProperty("abstract") String abstractText,
            String slidesUrl,
            String recordingUrl,
            boolean cancelled,
            boolean speakerToBeAnnounced,
            String track,
            int sequence,
            Instant lastModified,
            LocalDateTime scheduledStart,
            LocalDateTime scheduledEnd) {
    }

    static SessionDocument of(ProgramSession session) {
        SessionInput given = session.asInput();
        return new SessionDocument(given.id(), given.title(), given.kind(), given.room(), given.chairsOrEmpty(),
                given.start(), given.end(), session.itemsInOrder().stream().map(ProgramDocuments::of).toList());
    }

    static ItemDocument of(ProgramItem item) {
        SessionInput.ItemInput given = item.asInput();
        // UTC has no gaps or overlaps, so the local times come back exactly as stored
        ItemView facts = item.view(ZoneOffset.UTC);
        return new ItemDocument(given.id(), given.kind(), given.title(), given.start(), given.end(),
                given.durationMinutes(), given.speakers(), given.moderators(), given.abstractText(), given.slidesUrl(),
                given.recordingUrl(), given.cancelled(), given.speakerToBeAnnounced(), given.track(), facts.sequence(),
                facts.lastModified(), facts.start().toLocalDateTime(), facts.end().toLocalDateTime());
    }
}
