package org.lectern.events.program;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A session with its items; times are wall-clock times in the event's zone. Give the {@code id}
 * of an existing session or item to revise it in place (it keeps its calendar UID).
 */
@PlainText
public record SessionInput(
        UUID id,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 40) String kind,
        @Size(max = 200) String room,
        @Size(max = 20) List<@NotNull UUID> chairs,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @Size(max = 500) List<@Valid @NotNull ItemInput> items) {

    /** The short form: a session with items, no chairs or kind. (Records for JSON-B keep one constructor.) */
    public static SessionInput of(String title, String room, LocalDateTime start, LocalDateTime end, List<ItemInput> items) {
        return new SessionInput(null, title, null, room, null, start, end, items);
    }

    /**
     * An item: either clock times ({@code start}, {@code end}) or only {@code durationMinutes},
     * its start then being the end of the item before it (or the session's start).
     */
    @PlainText(multiline = {"abstractText"})
    public record ItemInput(
            UUID id,
            @NotBlank String kind,
            @NotBlank @Size(max = 500) String title,
            LocalDateTime start,
            LocalDateTime end,
            @Min(0) @Max(24 * 60) Integer durationMinutes,
            @Size(max = 50) List<@NotNull UUID> speakers,
            @Size(max = 10) List<@NotNull UUID> moderators,
            @JsonbProperty("abstract") @Size(max = 20000) String abstractText,
            @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String slidesUrl,
            @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String recordingUrl,
            boolean cancelled,
            boolean speakerToBeAnnounced,
            @Size(max = 200) String track) {

        /** What an item's GET adds ({@link ProgramDocuments.ItemDocument}): read-only, ignored when sent back. */
        public static final List<String> READ_ONLY_FIELDS = List.of("sequence", "lastModified", "scheduledStart",
                "scheduledEnd");

        /** The short form: clock times, speakers, nothing else. */
        public static ItemInput at(UUID id, String kind, String title, LocalDateTime start, LocalDateTime end,
                                   List<UUID> speakers) {
            return new ItemInput(id, kind, title, start, end, null, speakers, null, null, null, null, false, false, null);
        }

        List<UUID> speakersOrEmpty() {
            return speakers == null ? List.of() : speakers;
        }

        List<UUID> moderatorsOrEmpty() {
            return moderators == null ? List.of() : moderators;
        }
    }

    List<ItemInput> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    List<UUID> chairsOrEmpty() {
        return chairs == null ? List.of() : chairs;
    }
}
