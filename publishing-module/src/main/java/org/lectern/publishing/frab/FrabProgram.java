package org.lectern.publishing.frab;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/**
 * One event's program laid out the way frab files are (days, rooms in them, entries in the rooms)
 * with every value already in the string form both schemas accept. The XML and the JSON writer
 * only walk this, so the two files never disagree.
 *
 * @param acronym  the event's slug, unless the JSON schema forbids it (see {@link #acronym})
 * @param url      the event page, the schedule's base_url and url
 * @param timeslot the grid every start and duration fits ("00:15"), required by the JSON schema
 * @param rooms    every room, in order of first use, then by name
 */
record FrabProgram(String version, String acronym, String title, String startDate, String endDate, String zoneName,
                   String url, String timeslot, List<Room> rooms, List<Day> days) {

    /**
     * Cancelled items stay in the files. Neither schema has a status (the XSD's event is a fixed
     * set of elements, the JSON schema forbids extra keys), and frab itself simply drops cancelled
     * talks. So the title stays the title (apps match and search by it), the type stays the item's
     * kind (a cancelled break is still a break, apps colour and filter by type), and the otherwise
     * unused subtitle says it: Giggity, EventFahrplan and ConfClerk show it right under the title.
     */
    static final String CANCELLED = "Cancelled";

    /** Where a session names no room: every frab entry must sit in a named room. */
    static final String NO_ROOM = "Main";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /**
     * The JSON schema's acronym pattern. It is stricter than the XSD's ({@code [a-z0-9_-]{4,}}):
     * a dash may only start a "-2024-word" tail, so "effgenai-2024" does not fit.
     */
    private static final Pattern JSON_ACRONYM = Pattern.compile("[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?");

    record Room(String name, UUID guid) {
    }

    record Day(int index, String date, String start, String end, List<RoomEntries> rooms) {
    }

    record RoomEntries(Room room, List<Entry> entries) {
    }

    /**
     * One item. {@code date}/{@code end} are ISO date-times with offset, {@code start} the local
     * clock time, {@code duration} hours:minutes; subtitle, track and abstractText may be null.
     */
    record Entry(UUID guid, int id, String date, String start, String end, String duration, String room,
                 String slug, String title, String subtitle, String type, String track, String abstractText,
                 List<Person> persons, List<Link> links) {
    }

    record Person(UUID guid, int id, String name) {
    }

    /** A slides or recording link; {@code type} is from the JSON schema's Reference enum. */
    record Link(String type, String url, String title) {
    }

    /** An item with its room and its times in the event zone: what ordering and grouping need. */
    private record Placed(ItemView item, String room, String title, ZonedDateTime start, ZonedDateTime end) {

        static final Comparator<Placed> ORDER = Comparator.comparing((Placed p) -> p.start.toInstant())
                .thenComparing(Placed::title).thenComparing(p -> p.item.id());
    }

    static FrabProgram of(EventView event, Map<UUID, PersonView> people, URI eventPage) {
        String page = webAddress(eventPage).orElseThrow(() -> new IllegalArgumentException(
                "the event page must be an absolute http(s) address, not " + eventPage));
        ZoneId zone = event.zone();
        List<Placed> placed = new ArrayList<>();
        for (SessionView session : event.sessions()) {
            String room = FrabText.line(session.room());
            for (ItemView item : session.items()) {
                placed.add(new Placed(item, room.isEmpty() ? NO_ROOM : room, FrabText.line(item.title()),
                        item.start().withZoneSameInstant(zone), item.end().withZoneSameInstant(zone)));
            }
        }
        placed.sort(Placed.ORDER);

        String acronym = acronym(event.slug());
        Map<UUID, Integer> ids = LegacyIds.unique(placed.stream().map(p -> p.item.id()).toList());
        boolean eventCancelled = event.status() == EventView.Status.CANCELLED;
        List<Room> rooms = rooms(event, placed);

        // frab days are calendar days of the event zone, only those with items
        Map<LocalDate, List<Placed>> byDate = new TreeMap<>();
        placed.forEach(p -> byDate.computeIfAbsent(p.start.toLocalDate(), d -> new ArrayList<>()).add(p));
        List<Day> days = new ArrayList<>();
        byDate.forEach((date, onDay) -> {
            List<RoomEntries> inRooms = new ArrayList<>();
            for (Room room : rooms) {
                List<Entry> entries = onDay.stream().filter(p -> p.room.equals(room.name()))
                        .map(p -> entry(p, ids.get(p.item.id()), acronym, eventCancelled, people, page)).toList();
                if (!entries.isEmpty()) {
                    inRooms.add(new RoomEntries(room, entries));
                }
            }
            ZonedDateTime first = onDay.stream().map(Placed::start).min(Comparator.naturalOrder()).orElseThrow();
            ZonedDateTime last = onDay.stream().map(Placed::end).max(Comparator.naturalOrder()).orElseThrow();
            days.add(new Day(days.size() + 1, date.toString(), DATE_TIME.format(first), DATE_TIME.format(last), inRooms));
        });
        if (days.isEmpty()) {
            // the XSD wants at least one day: an event without a program gets its first date, empty
            ZonedDateTime midnight = event.startDate().atStartOfDay(zone);
            days.add(new Day(1, event.startDate().toString(), DATE_TIME.format(midnight),
                    DATE_TIME.format(event.startDate().plusDays(1).atStartOfDay(zone)), List.of()));
        }

        return new FrabProgram(Long.toString(event.version()), acronym, FrabText.line(event.title()),
                event.startDate().toString(), event.endDate().toString(), zone.getId(), page, timeslot(placed),
                rooms, days);
    }

    /** Rooms in order of first use, then by name; the guid comes from event and name, so it is stable. */
    private static List<Room> rooms(EventView event, List<Placed> placed) {
        Map<String, ZonedDateTime> firstUse = new LinkedHashMap<>();
        placed.forEach(p -> firstUse.merge(p.room, p.start, (a, b) -> a.isBefore(b) ? a : b));
        return firstUse.entrySet().stream()
                .sorted(Map.Entry.<String, ZonedDateTime>comparingByValue(Comparator.comparing(ZonedDateTime::toInstant))
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Room(e.getKey(), UUID.nameUUIDFromBytes(
                        (event.id() + "/room/" + e.getKey()).getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    private static Entry entry(Placed p, int id, String acronym, boolean eventCancelled,
                               Map<UUID, PersonView> people, String page) {
        ItemView item = p.item;
        Duration length = Duration.between(p.start, p.end);
        if (length.isNegative()) {
            length = Duration.ZERO;
        }
        String titleSlug = FrabText.slug(p.title);
        String type = FrabText.line(item.kind());
        String track = FrabText.line(item.track());
        String abstractText = FrabText.text(item.abstractText());
        return new Entry(item.id(), id, DATE_TIME.format(p.start), CLOCK.format(p.start), DATE_TIME.format(p.end),
                duration(length), p.room,
                acronym + "-" + id + (titleSlug.isEmpty() ? "" : "-" + titleSlug),
                p.title,
                item.cancelled() || eventCancelled ? CANCELLED : null,
                type.isEmpty() ? "other" : type,
                track.isEmpty() ? null : track,
                abstractText == null || abstractText.isEmpty() ? null : abstractText,
                persons(item, people),
                Stream.of(link("slides", item.slidesUrl(), "Slides"), link("media", item.recordingUrl(), "Recording"))
                        .flatMap(Optional::stream).toList());
    }

    /** Speakers, then moderators, once each; people missing from the directory are left out. */
    private static List<Person> persons(ItemView item, Map<UUID, PersonView> people) {
        if (item.speakerToBeAnnounced()) {
            return List.of();
        }
        return Stream.concat(item.speakerIds().stream(), item.moderatorIds().stream())
                .distinct()
                .map(people::get)
                .filter(person -> person != null)
                .map(person -> new Person(person.id(), LegacyIds.of(person.id()), FrabText.line(person.name())))
                .toList();
    }

    private static Optional<Link> link(String type, String url, String title) {
        return webAddress(url).map(address -> new Link(type, address, title));
    }

    /**
     * "HH:mm". The XSD allows at most two digits of hours, so anything longer than 99:59 (not a
     * conference item) is written as 99:59; the JSON's {@code end} still gives the real end.
     */
    static String duration(Duration length) {
        long minutes = Math.min(length.toMinutes(), 99 * 60 + 59);
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    /**
     * The largest grid (at most an hour) that every start and duration falls on, so apps that draw
     * a timetable in slots place every item exactly; a quarter of an hour when there is nothing.
     */
    private static String timeslot(List<Placed> placed) {
        long grid = 0;
        for (Placed p : placed) {
            grid = gcd(grid, p.start.getHour() * 60L + p.start.getMinute());
            grid = gcd(grid, Math.max(0, Duration.between(p.start, p.end).toMinutes()));
        }
        return duration(Duration.ofMinutes(grid == 0 ? 15 : Math.min(grid, 60)));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * The slug if the JSON schema accepts it as an acronym, otherwise the slug with dashes as
     * underscores, padded to the four characters both schemas want. One acronym for both files.
     */
    static String acronym(String slug) {
        String lower = slug.toLowerCase(Locale.ROOT);
        if (JSON_ACRONYM.matcher(lower).matches()) {
            return lower;
        }
        StringBuilder acronym = new StringBuilder(lower.replaceAll("[^a-z0-9_]", "_"));
        while (acronym.length() < 4) {
            acronym.append('_');
        }
        return acronym.toString();
    }

    /**
     * An absolute http(s) address in ASCII (non-ASCII characters percent-encoded), as the XSD's
     * httpURI and the JSON schema's uri format need, or empty for anything else.
     */
    static Optional<String> webAddress(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return webAddress(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static Optional<String> webAddress(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        // the XSD's pattern is "https?://.*", case-sensitive
        return Optional.of(scheme + uri.toASCIIString().substring(scheme.length()));
    }
}
