package org.lectern.events.program;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An event as an organizer sends it: what, when, where, and its page content. */
@PlainText
public record EventInput(
        @NotBlank @Size(max = 80)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters, digits and single dashes")
        String slug,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 80) String shortTitle,
        @NotBlank String kind,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Valid VenueInput venue,
        @Valid HostConferenceInput hostConference,
        @Size(max = 30) List<@Valid @NotNull SectionInput> sections,
        @Size(max = 100) List<@Valid @NotNull TopicInput> topics,
        @Size(max = 30) List<@Valid @NotNull LinkInput> links) {

    /**
     * What an event's GET shows besides these fields: read-only here, ignored when sent back. The
     * parts are read and replaced through their own resources ({@code /program}, {@code /committee}, ...).
     */
    public static final List<String> READ_ONLY_FIELDS = List.of("id", "status", "version", "updatedAt",
            "announcements", "sponsors", "papers", "committee", "recurrence", "meetings", "sessions");

    /** The short form most callers need: no content yet. (Records for JSON-B keep one constructor.) */
    public static EventInput of(String slug, String title, String kind, String timeZone, LocalDate startDate,
                                LocalDate endDate, VenueInput venue) {
        return new EventInput(slug, title, null, kind, timeZone, startDate, endDate, venue, null, null, null, null);
    }

    @PlainText
    public record VenueInput(@Size(max = 200) String name, @Size(max = 200) String building,
                             @Size(max = 100) String room, @Size(max = 300) String address,
                             @Size(max = 100) String city) {
    }

    @PlainText
    public record HostConferenceInput(@NotBlank @Size(max = 200) String name,
                                      @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String url) {
    }

    @PlainText(multiline = {"body"})
    public record SectionInput(@NotBlank @Size(max = 200) String heading, @NotNull @Size(max = 50000) String body) {
    }

    @PlainText(multiline = {"description"})
    public record TopicInput(@NotBlank @Size(max = 300) String title, @Size(max = 5000) String description) {
    }

    @PlainText
    public record LinkInput(@NotBlank String kind, @NotBlank @Size(max = 200) String label,
                            @NotBlank @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String url) {
    }

    List<SectionInput> sectionsOrEmpty() {
        return sections == null ? List.of() : sections;
    }

    List<TopicInput> topicsOrEmpty() {
        return topics == null ? List.of() : topics;
    }

    List<LinkInput> linksOrEmpty() {
        return links == null ? List.of() : links;
    }
}
