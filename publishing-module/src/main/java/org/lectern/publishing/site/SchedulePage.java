package org.lectern.publishing.site;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/** {@code /events/{slug}/schedule/}: the program by day, in local time with the zone named. */
final class SchedulePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MEETING_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    record Day(String heading, String isoDate, String zoneNote, List<Block> sessions) {
    }

    record Block(String time, String title, String room, List<Named> chairs, List<Entry> items) {
    }

    record Entry(String time, String kind, String title, List<Named> speakers, List<Named> moderators,
                 boolean speakerToBeAnnounced, boolean cancelled) {
    }

    /** A person on the program: "Name, Affiliation", linking to their page. */
    record Named(String text, String page) {
    }

    /** One meeting of a course, in the term list. */
    record Meeting(String date, String isoDate, String time, String title, String room, List<Named> speakers,
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

    static List<Day> days(EventView event, Map<UUID, PersonView> people) {
        Map<LocalDate, List<Block>> byDay = new LinkedHashMap<>();
        Map<LocalDate, ZonedDateTime> firstStart = new LinkedHashMap<>();
        for (SessionView session : event.sessions()) {
            LocalDate date = session.start().toLocalDate();
            firstStart.putIfAbsent(date, session.start());
            List<Entry> entries = new ArrayList<>();
            for (ItemView item : session.items()) {
                entries.add(new Entry(range(item.start(), item.end()), item.kind(), item.title(),
                        named(item.speakerIds(), people), named(item.moderatorIds(), people),
                        item.speakerToBeAnnounced(), item.cancelled()));
            }
            byDay.computeIfAbsent(date, d -> new ArrayList<>()).add(new Block(range(session.start(), session.end()),
                    session.title(), session.room(), named(session.chairs(), people), entries));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, blocks) -> days.add(new Day(DAY.format(date), date.toString(),
                "Times are " + event.zone().getId() + " (" + ZONE_ABBREVIATION.format(firstStart.get(date)) + ")",
                blocks)));
        return days;
    }

    static List<Meeting> meetings(EventView event, Map<UUID, PersonView> people) {
        return event.meetings().stream()
                .map(m -> new Meeting(MEETING_DAY.format(m.start()), m.start().toLocalDate().toString(),
                        range(m.start(), m.end()) + " " + ZONE_ABBREVIATION.format(m.start()),
                        m.title(), m.room(), named(m.speakerIds(), people),
                        m.papers().stream().map(MeetingView.Paper::title).toList(), m.cancelled(), m.moved()))
                .toList();
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
