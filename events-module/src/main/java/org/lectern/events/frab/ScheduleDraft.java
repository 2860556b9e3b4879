package org.lectern.events.frab;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the XML and JSON parsers collect, in the same shape for both; {@link #toSchedule} checks and
 * parses it once the whole document is read, so the time zone is known whatever the element order.
 */
final class ScheduleDraft {

    /** The conference fields the model keeps, by their frab names. */
    static final Set<String> CONFERENCE_FIELDS = Set.of("acronym", "title", "start", "end", "time_zone_name");

    private final Map<String, String> conference = new HashMap<>();
    private final Set<String> rooms = new LinkedHashSet<>();
    private final Set<String> tracks = new LinkedHashSet<>();
    private final List<DayDraft> days = new ArrayList<>();
    private final List<TalkDraft> talks = new ArrayList<>();
    private String conferenceWhere = "the conference";

    /** Trims; blank becomes null, as frab writes empty elements and strings for "none". */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    void conferenceAt(String where) {
        conferenceWhere = where;
    }

    void conference(String field, String text) {
        if (text != null) {
            conference.put(field, text);
        }
    }

    void addRoom(String name) {
        if (name != null) {
            rooms.add(name);
        }
    }

    void addTrack(String name) {
        if (name != null) {
            tracks.add(name);
        }
    }

    void addDay(DayDraft day) {
        days.add(day);
    }

    void addTalk(TalkDraft talk) {
        talks.add(talk);
    }

    FrabSchedule toSchedule() {
        return toSchedule(ZoneOffset.UTC);
    }

    /** The schedule; talks without a date of their own are placed in the file's zone, else in {@code fallback}. */
    FrabSchedule toSchedule(ZoneId fallback) {
        String zoneName = conference.get("time_zone_name");
        ZoneId zone = zoneName == null ? fallback : zone(zoneName);
        Set<String> allRooms = new LinkedHashSet<>(rooms);
        Set<String> allTracks = new LinkedHashSet<>(tracks);
        List<FrabTalk> read = new ArrayList<>(talks.size());
        for (TalkDraft draft : talks) {
            FrabTalk talk = draft.toTalk(zone);
            read.add(talk);
            addIfPresent(allRooms, talk.room());
            addIfPresent(allTracks, talk.track());
        }
        LocalDate start = conferenceDate("start").orElseGet(() -> dayDates().min(Comparator.naturalOrder()).orElse(null));
        LocalDate end = conferenceDate("end").orElseGet(() -> dayDates().max(Comparator.naturalOrder()).orElse(null));
        return new FrabSchedule(conference.get("acronym"), conference.get("title"), zoneName, start, end,
                List.copyOf(allRooms), List.copyOf(allTracks), read);
    }

    private ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new FrabFormatException("unknown time zone \"" + name + "\" in " + conferenceWhere
                    + ": expected an IANA name such as Europe/Berlin", e);
        }
    }

    private Optional<LocalDate> conferenceDate(String field) {
        return Optional.ofNullable(conference.get(field))
                .map(text -> FrabTimes.date(text, "conference " + field, conferenceWhere));
    }

    private Stream<LocalDate> dayDates() {
        return days.stream().filter(day -> day.date() != null)
                .map(day -> FrabTimes.date(day.date(), "day date", day.where()));
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }
}
