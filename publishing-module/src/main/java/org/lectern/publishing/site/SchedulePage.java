package org.lectern.publishing.site;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/**
 * {@code /events/{slug}/schedule/}: the program by day, in local time with the zone named. Its model
 * ({@link #days}, {@link #meetings}) is the one both the page's template and the Jekyll export read.
 */
public final class SchedulePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MEETING_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    /** Kinds of item that are the program's pauses: shown quieter than the talks around them. */
    private static final Set<String> QUIET_KINDS = Set.of("break", "meal", "registration");

    /** Kinds of item marked with their name where the title does not already say it. */
    private static final Map<String, String> MARKED_KINDS = Map.of("keynote", "Keynote", "panel", "Panel");

    public record Day(String heading, String isoDate, String zoneNote, List<Block> sessions) {
    }

    /**
     * One row of a day as the organizers write it: a session with its items, or, when the session
     * is nothing but one item of the same name and time (a break, lunch, a keynote), that item alone
     * ({@code single}), so it is not printed twice.
     */
    public record Block(String time, String title, String room, List<Named> chairs, List<Entry> items,
                        boolean single) {

        /** The item a single row shows. */
        public Entry only() {
            return single ? items.get(0) : null;
        }
    }

    /**
     * One program item. {@code label} names a keynote or panel whose title does not say so;
     * {@code quiet} marks breaks, meals and registration; {@code page} is its talk page, or null.
     */
    public record Entry(String time, String kind, String title, List<Named> speakers, List<Named> moderators,
                        boolean speakerToBeAnnounced, boolean cancelled, String label, boolean quiet, String page,
                        TrackLink track) {
    }

    /** The track an item is in: its name, its page, and the class that gives it its colour. */
    public record TrackLink(String name, String page, String cssClass) {
    }

    /** A person on the program: "Name, Affiliation", linking to their page. */
    public record Named(String text, String page) {
    }

    /** One meeting of a course, in the term list. */
    public record Meeting(String date, String isoDate, String time, String title, String room, List<Named> speakers,
                          List<String> papers, boolean cancelled, boolean moved) {
    }

    private SchedulePage() {
    }

    static String path(EventView event) {
        return "events/" + event.slug() + "/schedule/index.html";
    }

    static byte[] render(EventView event, Map<UUID, PersonView> people, Links links) {
        return Templates.render("schedule", Map.of(
                "event", event,
                "links", links,
                "days", days(event, people),
                "meetings", meetings(event, people),
                "zone", event.zone().getId()));
    }

    public static List<Day> days(EventView event, Map<UUID, PersonView> people) {
        return days(event, people, TrackPage.tracks(event));
    }

    /** The same, with the tracks named as the whole event names them (a track page shows part of it). */
    static List<Day> days(EventView event, Map<UUID, PersonView> people, Map<String, TrackPage.Track> tracks) {
        Map<LocalDate, List<Block>> byDay = new LinkedHashMap<>();
        Map<LocalDate, ZonedDateTime> firstStart = new LinkedHashMap<>();
        for (SessionView session : event.sessions()) {
            LocalDate date = session.start().toLocalDate();
            firstStart.putIfAbsent(date, session.start());
            List<Entry> entries = new ArrayList<>();
            for (ItemView item : session.items()) {
                entries.add(new Entry(range(item.start(), item.end()), item.kind(), item.title(),
                        named(item.speakerIds(), people), named(item.moderatorIds(), people),
                        item.speakerToBeAnnounced(), item.cancelled(), label(item), QUIET_KINDS.contains(item.kind()),
                        TalkPage.isPause(item) ? null : TalkPage.page(event, item), trackLink(event, tracks.get(item.track()))));
            }
            byDay.computeIfAbsent(date, d -> new ArrayList<>()).add(new Block(range(session.start(), session.end()),
                    session.title(), blankToNull(session.room()), named(session.chairs(), people), entries,
                    isSingle(session)));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, blocks) -> days.add(new Day(DAY.format(date), date.toString(),
                "Times are " + event.zone().getId() + " (" + ZONE_ABBREVIATION.format(firstStart.get(date)) + ")",
                blocks)));
        return days;
    }

    public static List<Meeting> meetings(EventView event, Map<UUID, PersonView> people) {
        return event.meetings().stream()
                .map(m -> new Meeting(MEETING_DAY.format(m.start()), m.start().toLocalDate().toString(),
                        range(m.start(), m.end()) + " " + ZONE_ABBREVIATION.format(m.start()),
                        m.title(), m.room(), named(m.speakerIds(), people),
                        m.papers().stream().map(MeetingView.Paper::title).toList(), m.cancelled(), m.moved()))
                .toList();
    }

    /** A session that is only its one item: same title (or none), same times, no chairs of its own. */
    static boolean isSingle(SessionView session) {
        if (session.items().size() != 1 || !session.chairs().isEmpty()) {
            return false;
        }
        ItemView item = session.items().get(0);
        String title = session.title() == null ? "" : session.title().strip();
        boolean sameTitle = title.isEmpty() || item.title() != null && title.equalsIgnoreCase(item.title().strip());
        return sameTitle && session.start().equals(item.start()) && session.end().equals(item.end());
    }

    private static TrackLink trackLink(EventView event, TrackPage.Track track) {
        return track == null ? null : new TrackLink(track.name(), track.page(event), track.cssClass());
    }

    private static String label(ItemView item) {
        String label = MARKED_KINDS.get(item.kind());
        if (label == null) {
            return null;
        }
        String title = item.title() == null ? "" : item.title().toLowerCase(Locale.ROOT);
        return title.contains(label.toLowerCase(Locale.ROOT)) ? null : label;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Named> named(List<UUID> ids, Map<UUID, PersonView> people) {
        return ids.stream().map(people::get).filter(p -> p != null)
                .map(p -> new Named(speaker(p), "/people/" + p.slug() + "/")).toList();
    }

    private static String range(ZonedDateTime start, ZonedDateTime end) {
        return TIME.format(start) + "\u2013" + TIME.format(end);
    }

    static String speaker(PersonView person) {
        String affiliations = person.currentAffiliationNames();
        return affiliations.isEmpty() ? person.name() : person.name() + ", " + affiliations;
    }
}
