package org.lectern.events.frab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lectern.events.program.DetailInputs;
import org.lectern.events.program.EventInput;
import org.lectern.events.program.PlainTextCheck;
import org.lectern.events.program.ProgramRuleViolation;
import org.lectern.events.program.SessionInput;
import org.lectern.people.api.RegisterPeople;

/**
 * Turns a frab schedule into Lectern's documents: a conference, one session per room and day
 * holding that room's talks, and the people they name. Every id is derived from the schedule
 * (its acronym, the talk's guid or id, the person's id), so importing the same schedule again
 * revises what the first import made instead of adding copies.
 */
public final class FrabImport {

    /** A frab day runs past midnight: a talk before this hour belongs to the day before. */
    static final int DAY_STARTS_AT_HOUR = 6;

    /** The documents to apply, and what the schedule holds. */
    public record Plan(EventInput event, DetailInputs.ProgramInput program, List<RegisterPeople.Person> people,
                       int rooms, int days, int tracks, int items) {
    }

    private FrabImport() {
    }

    /**
     * @param slug     the event's slug, or null to derive it from the acronym or title
     * @param fallback the zone of a schedule that names none
     */
    public static Plan plan(FrabSchedule schedule, String slug, ZoneId fallback) {
        String eventSlug = slug != null ? slug : slugOf(schedule.acronym() != null ? schedule.acronym() : schedule.title());
        ZoneId zone = schedule.timeZone() != null ? ZoneId.of(schedule.timeZone()) : fallback;
        if (schedule.talks().isEmpty()) {
            throw new ProgramRuleViolation("file", "the schedule has no talks");
        }

        Map<String, UUID> people = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, List<SessionInput.ItemInput>> itemsBySession = new LinkedHashMap<>();
        Map<String, String> roomNames = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        Set<LocalDate> days = new LinkedHashSet<>();
        Set<String> tracks = new LinkedHashSet<>();
        LocalDate first = schedule.start();
        LocalDate last = schedule.end();

        List<FrabTalk> talks = new ArrayList<>(schedule.talks());
        talks.sort(Comparator.comparing(FrabTalk::start).thenComparing(FrabTalk::title));
        for (FrabTalk talk : talks) {
            LocalDateTime start = talk.start().atZoneSameInstant(zone).toLocalDateTime();
            LocalDate day = start.minusHours(DAY_STARTS_AT_HOUR).toLocalDate();
            first = first == null || start.toLocalDate().isBefore(first) ? start.toLocalDate() : first;
            last = last == null || start.toLocalDate().isAfter(last) ? start.toLocalDate() : last;
            days.add(day);
            String room = talk.room() == null ? "(no room)" : talk.room();
            String roomKey = room.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            roomNames.putIfAbsent(roomKey, room);
            if (talk.track() != null) {
                tracks.add(talk.track());
            }
            List<UUID> speakers = new ArrayList<>();
            for (FrabPerson person : talk.persons()) {
                // a guid names one person; an id only within its source (merged schedules such as
                // 36C3's reuse ids for different people), so it is qualified by the name
                String key = person.guid() != null ? "guid:" + person.guid()
                        : person.id() != null ? "id:" + person.id() + ":" + person.name() : "name:" + person.name();
                UUID id = people.computeIfAbsent(key, k -> id(eventSlug, "person", k));
                names.putIfAbsent(key, cut(person.name(), 200));
                if (!speakers.contains(id)) {
                    speakers.add(id);
                }
            }
            String talkKey = talk.guid() != null ? talk.guid() : talk.id();
            int occurrence = occurrences.merge(talkKey, 1, Integer::sum);
            long minutes = Math.min(24 * 60, Duration.ofSeconds(talk.duration().getSeconds()).toMinutes());
            itemsBySession.computeIfAbsent(day + "|" + roomKey, k -> new ArrayList<>()).add(new SessionInput.ItemInput(
                    id(eventSlug, "talk", talkKey + "#" + occurrence), "talk", cut(talk.title(), 500), start, null,
                    (int) minutes, speakers, null, paragraphs(talk.abstractText() != null ? talk.abstractText() : talk.description(), 20000),
                    null, null, false, false, cut(talk.track(), 200)));
        }

        List<SessionInput> sessions = new ArrayList<>();
        itemsBySession.forEach((key, items) -> {
            String roomKey = key.substring(key.indexOf('|') + 1);
            LocalDateTime start = items.stream().map(SessionInput.ItemInput::start).min(Comparator.naturalOrder()).orElseThrow();
            LocalDateTime end = items.stream().map(i -> i.start().plusMinutes(i.durationMinutes()))
                    .max(Comparator.naturalOrder()).orElseThrow();
            if (!end.isAfter(start)) {
                end = start.plusMinutes(5);
            }
            String room = cut(roomNames.get(roomKey), 200);
            sessions.add(new SessionInput(id(eventSlug, "session", key), cut(room, 300), "room", room, null, start, end, items));
        });

        EventInput event = new EventInput(eventSlug, cut(schedule.title() != null ? schedule.title() : eventSlug, 300),
                cut(schedule.acronym(), 80), "conference", zone.getId(), first, last, null, null, null, null, null);
        List<RegisterPeople.Person> named = people.entrySet().stream()
                .map(e -> new RegisterPeople.Person(e.getValue(), names.get(e.getKey()))).toList();
        return new Plan(event, new DetailInputs.ProgramInput(sessions), named, roomNames.size(), days.size(),
                tracks.size(), talks.size());
    }

    /** "36C3" becomes "36c3"; anything else that is not a letter or digit becomes a dash. */
    static String slugOf(String text) {
        String slug = (text == null ? "" : text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
        if (slug.isEmpty()) {
            throw new ProgramRuleViolation("slug", "the schedule has no acronym or title to make a slug from; pass ?slug=");
        }
        return slug;
    }

    private static UUID id(String slug, String kind, String key) {
        return UUID.nameUUIDFromBytes(("frab:" + slug + ":" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** One line of the file's text, at most {@code max} characters: its line breaks and other control characters become spaces. */
    private static String cut(String text, int max) {
        String line = PlainTextCheck.line(text);
        return line == null || line.length() <= max ? line : line.substring(0, max);
    }

    /** An abstract: line breaks kept as LF, other control characters removed (an API caller would get a 422 for them). */
    private static String paragraphs(String text, int max) {
        String plain = PlainTextCheck.paragraphs(text);
        return plain == null || plain.length() <= max ? plain : plain.substring(0, max);
    }
}
