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
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/** {@code /events/{slug}/schedule/}: the program by day, in local time with the zone named. */
final class SchedulePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    record Day(String heading, String isoDate, String zoneNote, List<Block> sessions) {
    }

    record Block(String time, String title, String room, List<Entry> items) {
    }

    record Entry(String time, String kind, String title, List<String> speakers, boolean speakerToBeAnnounced,
                 boolean cancelled) {
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
                "days", days(event, people)));
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
                        item.speakerIds().stream().map(people::get).filter(p -> p != null)
                                .map(SchedulePage::speaker).toList(),
                        item.speakerToBeAnnounced(), item.cancelled()));
            }
            byDay.computeIfAbsent(date, d -> new ArrayList<>())
                    .add(new Block(range(session.start(), session.end()), session.title(), session.room(), entries));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, blocks) -> days.add(new Day(DAY.format(date), date.toString(),
                "Times are " + event.zone().getId() + " (" + ZONE_ABBREVIATION.format(firstStart.get(date)) + ")",
                blocks)));
        return days;
    }

    private static String range(ZonedDateTime start, ZonedDateTime end) {
        return TIME.format(start) + "\u2013" + TIME.format(end);
    }

    static String speaker(PersonView person) {
        String affiliations = String.join(", ", person.currentAffiliations().stream().map(a -> a.name()).toList());
        return affiliations.isEmpty() ? person.name() : person.name() + ", " + affiliations;
    }
}
