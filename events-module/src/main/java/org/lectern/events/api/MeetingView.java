package org.lectern.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One meeting of a course. {@code date} is the date the recurrence gives it (its identity, the
 * iCalendar RECURRENCE-ID); {@code start} and {@code end} are when it really takes place, which
 * differ when it was moved.
 *
 * @param overridden whether an organizer changed this meeting (moved, cancelled, given content)
 */
public record MeetingView(
        LocalDate date,
        ZonedDateTime start,
        ZonedDateTime end,
        boolean cancelled,
        boolean overridden,
        String title,
        String kind,
        String room,
        List<UUID> speakerIds,
        List<Paper> papers,
        int sequence,
        Instant lastModified) {

    public MeetingView {
        speakerIds = List.copyOf(speakerIds);
        papers = List.copyOf(papers);
    }

    public boolean moved() {
        return overridden && !start.toLocalDate().equals(date);
    }

    /** A paper presented at the meeting, with its presenters. */
    public record Paper(String title, String url, List<UUID> presenterIds) {

        public Paper {
            presenterIds = List.copyOf(presenterIds);
        }
    }
}
