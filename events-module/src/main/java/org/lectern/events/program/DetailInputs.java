package org.lectern.events.program;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The documents of an event's sub-resources, as organizers send them. */
public final class DetailInputs {

    private DetailInputs() {
    }

    @PlainText(multiline = {"text"})
    public record AnnouncementInput(LocalDate date, @NotBlank @Size(max = 5000) String text, boolean pinned) {
    }

    @PlainText
    public record SponsorInput(@NotBlank @Size(max = 200) String name,
                               @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String logoUrl,
                               @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String url) {
    }

    @PlainText
    public record PaperInput(@NotBlank @Size(max = 500) String title, @Size(max = 2000) String authors,
                             @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String url,
                             @Size(max = 200) String award) {
    }

    @PlainText
    public record CommitteeGroupInput(@NotBlank @Size(max = 200) String name,
                                      @NotNull @Size(max = 100) List<@Valid @NotNull MemberInput> members) {
    }

    @PlainText
    public record MemberInput(@NotNull UUID person, @Size(max = 200) String role) {
    }

    public record RecurrenceInput(@NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> weekdays,
                                  @NotNull LocalTime startTime,
                                  @Min(1) @Max(24 * 60) int durationMinutes,
                                  @NotNull LocalDate firstDate,
                                  @NotNull LocalDate lastDate,
                                  @Size(max = 400) List<@NotNull LocalDate> excludedDates) {

        List<LocalDate> excludedOrEmpty() {
            return excludedDates == null ? List.of() : excludedDates;
        }
    }

    /** What changes about one meeting: moved (start/end), cancelled, or given content. */
    @PlainText
    public record MeetingInput(boolean cancelled,
                               LocalDateTime start,
                               LocalDateTime end,
                               @Size(max = 500) String title,
                               @Size(max = 40) String kind,
                               @Size(max = 200) String room,
                               @Size(max = 20) List<@NotNull UUID> speakers,
                               @Size(max = 20) List<@Valid @NotNull MeetingPaperInput> papers) {

        List<UUID> speakersOrEmpty() {
            return speakers == null ? List.of() : speakers;
        }

        List<MeetingPaperInput> papersOrEmpty() {
            return papers == null ? List.of() : papers;
        }
    }

    @PlainText
    public record MeetingPaperInput(@NotBlank @Size(max = 500) String title,
                                    @Size(max = 2000) @Pattern(regexp = Urls.WEB_URL, message = Urls.MESSAGE) String url,
                                    @Size(max = 10) List<@NotNull UUID> presenters) {

        List<UUID> presentersOrEmpty() {
            return presenters == null ? List.of() : presenters;
        }
    }

    /** The whole program in one document: replaced in one transaction, one message. */
    public record ProgramInput(@NotNull @Size(max = 2000) List<@Valid @NotNull SessionInput> sessions) {
    }
}
