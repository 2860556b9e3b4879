package org.lectern.publishing.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.RecurrenceView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/**
 * An iCalendar feed (RFC 5545, with the RFC 7986 calendar properties): an event's, a person's, or
 * everything published. Everything in it comes from the data, never from the clock, so the same
 * data always gives the same bytes. Each item has a stable UID ({@code item-uuid@host}), its
 * DTSTAMP and LAST-MODIFIED are its last change, and its SEQUENCE rises with every change. A
 * course is one weekly RRULE with EXDATEs, and RECURRENCE-ID entries for changed meetings.
 * <p>
 * Printing is most of a feed's cost (ical4j escapes and formats every property anew), and a change
 * to one item of a big program leaves the other entries as they were. So each entry is printed on
 * its own, folded, and a program item's printed entry is kept ({@link #ITEM_ENTRIES}) under
 * everything it is made of: an entry whose parts are all equal prints the same text, and one that
 * differs in any part is printed afresh. The feed is ical4j's own output for its frame (calendar
 * properties and zones) with the entries' text inserted before its end, as ical4j would print them
 * (folding restarts at every line, so folded entries joined are the folded whole).
 */
public final class CalendarFeed {

    static final Duration REFRESH = Duration.ofHours(1);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private final String name;
    private final URI url;
    private final String uidHost;
    private final TreeSet<String> zones = new TreeSet<>();
    /** The entries, each printed and folded. */
    private final List<String> entries = new ArrayList<>();

    /** Lines longer than this many characters are folded, as {@code CalendarOutputter} does by default. */
    private static final int FOLD_LENGTH = FoldingWriter.REDUCED_FOLD_LENGTH;

    /**
     * Printed item entries, the least recently used dropped beyond {@value #ITEM_ENTRIES_KEPT}
     * (36c3's 1,351 items take a few MB; its speakers' feeds hold the same entries).
     */
    static final int ITEM_ENTRIES_KEPT = 10_000;
    private static final Map<ItemEntry, String> ITEM_ENTRIES = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ItemEntry, String> eldest) {
            return size() > ITEM_ENTRIES_KEPT;
        }
    };

    private CalendarFeed(String name, URI url, String uidHost) {
        this.name = name;
        this.url = url;
        this.uidHost = uidHost;
    }

    /** A feed called {@code name}, whose page is {@code url}; UIDs end in {@code @uidHost}. */
    public static CalendarFeed named(String name, URI url, String uidHost) {
        return new CalendarFeed(name, url, uidHost);
    }

    /** The event's feed: every item, a course's meetings, or one all-day entry while it has no program. */
    public static byte[] forEvent(EventView event, Map<UUID, PersonView> people, URI pageUrl, String uidHost) {
        return named(event.title(), pageUrl, uidHost).addEvent(event, people, pageUrl).bytes();
    }

    public CalendarFeed addEvent(EventView event, Map<UUID, PersonView> people, URI pageUrl) {
        for (SessionView session : event.sessions()) {
            for (ItemView item : session.items()) {
                addItem(event, session, item, people, pageUrl);
            }
        }
        if (event.recurrence() != null) {
            addMeetings(event, people, pageUrl);
        } else if (event.sessions().stream().allMatch(s -> s.items().isEmpty())) {
            addWholeEvent(event, pageUrl);
        }
        return this;
    }

    public CalendarFeed addItem(EventView event, SessionView session, ItemView item, Map<UUID, PersonView> people,
                                URI pageUrl) {
        zones.add(event.zone().getId());
        ItemEntry entry = new ItemEntry(item.id() + "@" + uidHost, item.lastModified(), item.sequence(),
                item.start(), item.end(), item.title(), description(item, people, pageUrl),
                location(event, session.room()), pageUrl,
                item.cancelled() || cancelled(event) ? "CANCELLED" : "CONFIRMED");
        String text;
        synchronized (ITEM_ENTRIES) {
            text = ITEM_ENTRIES.get(entry);
        }
        if (text == null) {
            text = folded(entry.component());
            synchronized (ITEM_ENTRIES) {
                ITEM_ENTRIES.put(entry, text);
            }
        }
        entries.add(text);
        return this;
    }

    /** Everything a program item's entry is made of: entries equal in all of it print the same text. */
    private record ItemEntry(String uid, Instant modified, int sequence, ZonedDateTime start, ZonedDateTime end,
                             String summary, String description, String location, URI url, String status) {

        VEvent component() {
            return CalendarFeed.component(
                    new Uid(uid),
                    new DtStamp(modified),
                    new LastModified(modified),
                    new Sequence(sequence),
                    new DtStart<>(start),
                    new DtEnd<>(end),
                    new Summary(summary),
                    new Description(description),
                    new Location(location),
                    new Url(url),
                    new Status(status));
        }
    }

    /** A session a person chairs, as its own entry. */
    public CalendarFeed addSession(EventView event, SessionView session, URI pageUrl) {
        zones.add(event.zone().getId());
        Instant changed = session.items().stream().map(ItemView::lastModified).max(Instant::compareTo)
                .orElse(event.updatedAt());
        entries.add(folded(component(
                new Uid(session.id() + "@" + uidHost),
                new DtStamp(changed),
                new LastModified(changed),
                new Sequence(session.items().stream().mapToInt(ItemView::sequence).sum()),
                new DtStart<>(session.start()),
                new DtEnd<>(session.end()),
                new Summary("Chair: " + session.title()),
                new Description(event.title() + "\n\n" + pageUrl),
                new Location(location(event, session.room())),
                new Url(pageUrl),
                new Status(cancelled(event) ? "CANCELLED" : "CONFIRMED"))));
        return this;
    }

    /**
     * A course: one weekly entry for the regular meetings (RRULE, with EXDATE for the dates it
     * skips), and one RECURRENCE-ID entry for each meeting an organizer changed.
     */
    private void addMeetings(EventView event, Map<UUID, PersonView> people, URI pageUrl) {
        RecurrenceView rhythm = event.recurrence();
        ZoneId zone = event.zone();
        zones.add(zone.getId());
        String uid = event.id() + "-meetings@" + uidHost;
        LocalDate firstMeeting = event.meetings().isEmpty() ? rhythm.firstDate() : event.meetings().get(0).date();
        ZonedDateTime start = firstMeeting.atTime(rhythm.startTime()).atZone(zone);
        ZonedDateTime until = rhythm.lastDate().atTime(rhythm.startTime()).atZone(zone);
        String byDay = rhythm.weekdays().stream().map(CalendarFeed::weekday).collect(Collectors.joining(","));
        List<Property> master = new ArrayList<>(List.of(
                new Uid(uid),
                new DtStamp(event.updatedAt()),
                new LastModified(event.updatedAt()),
                new Sequence((int) Math.min(Integer.MAX_VALUE, event.version())),
                new DtStart<>(start),
                new DtEnd<>(start.plusMinutes(rhythm.durationMinutes())),
                new RRule<>("FREQ=WEEKLY;BYDAY=" + byDay + ";UNTIL="
                        + LOCAL.format(until.withZoneSameInstant(ZoneOffset.UTC)) + "Z"),
                new Summary(event.title()),
                new Description(pageUrl.toString()),
                new Location(location(event, null)),
                new Url(pageUrl),
                new Status(cancelled(event) ? "CANCELLED" : "CONFIRMED")));
        if (!rhythm.excludedDates().isEmpty()) {
            master.add(new ExDate<>(tz(zone), rhythm.excludedDates().stream()
                    .map(d -> LOCAL.format(d.atTime(rhythm.startTime()))).collect(Collectors.joining(","))));
        }
        entries.add(folded(component(master.toArray(Property[]::new))));
        for (MeetingView meeting : event.meetings()) {
            if (!meeting.overridden()) {
                continue;
            }
            String speakers = names(meeting.speakerIds(), people);
            String summary = meeting.title() != null ? meeting.title() : event.title();
            entries.add(folded(component(
                    new Uid(uid),
                    new RecurrenceId<>(tz(zone), LOCAL.format(meeting.date().atTime(rhythm.startTime()))),
                    new DtStamp(meeting.lastModified()),
                    new LastModified(meeting.lastModified()),
                    new Sequence((int) Math.min(Integer.MAX_VALUE, event.version()) + meeting.sequence() + 1),
                    new DtStart<>(meeting.start()),
                    new DtEnd<>(meeting.end()),
                    new Summary(summary),
                    new Description((speakers.isEmpty() ? "" : speakers + "\n\n") + pageUrl),
                    new Location(location(event, meeting.room())),
                    new Url(pageUrl),
                    new Status(meeting.cancelled() || cancelled(event) ? "CANCELLED" : "CONFIRMED"))));
        }
    }

    /** One course meeting a person speaks or presents at, standing alone (in their own feed). */
    public CalendarFeed addMeeting(EventView event, MeetingView meeting, Map<UUID, PersonView> people, URI pageUrl) {
        zones.add(event.zone().getId());
        String speakers = names(meeting.speakerIds(), people);
        entries.add(folded(component(
                new Uid(event.id() + "-" + meeting.date() + "@" + uidHost),
                new DtStamp(meeting.lastModified()),
                new LastModified(meeting.lastModified()),
                new Sequence(Math.max(0, meeting.sequence())),
                new DtStart<>(meeting.start()),
                new DtEnd<>(meeting.end()),
                new Summary(meeting.title() != null ? meeting.title() : event.title()),
                new Description((speakers.isEmpty() ? "" : speakers + "\n\n") + pageUrl),
                new Location(location(event, meeting.room())),
                new Url(pageUrl),
                new Status(meeting.cancelled() || cancelled(event) ? "CANCELLED" : "CONFIRMED"))));
        return this;
    }

    /**
     * The event as one all-day entry over its dates: what the feed of everything published holds
     * per event (its items are in the event's own feed).
     */
    public CalendarFeed addWholeEvent(EventView event, URI pageUrl) {
        entries.add(folded(component(
                new Uid(event.id() + "@" + uidHost),
                new DtStamp(event.updatedAt()),
                new LastModified(event.updatedAt()),
                new Sequence((int) Math.min(Integer.MAX_VALUE, event.version())),
                new DtStart<>(event.startDate()),
                new DtEnd<>(event.endDate().plusDays(1)),
                new Summary(event.title()),
                new Location(location(event, null)),
                new Url(pageUrl),
                new Status(cancelled(event) ? "CANCELLED" : "CONFIRMED"))));
        return this;
    }

    /** Whether no entry was added (a person who only sits on a committee has no feed). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public byte[] bytes() {
        // the entries go where ical4j puts components after the zones: just before the end
        String frame = frame(new FrameKey(name, url, List.copyOf(zones)));
        int end = frame.lastIndexOf("END:VCALENDAR");
        StringBuilder feed = new StringBuilder(frame.length() + entries.size() * 1024);
        feed.append(frame, 0, end);
        entries.forEach(feed::append);
        feed.append(frame, end, frame.length());
        return feed.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a feed's frame (its properties and zones, no entries) is made of. */
    private record FrameKey(String name, URI url, List<String> zones) {
    }

    /**
     * Printed frames, the least recently used dropped beyond 256: the talk pages' one-item calendars
     * of an event share one frame, and printing its VTIMEZONE was most of each one's cost.
     */
    private static final Map<FrameKey, String> FRAMES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameKey, String> eldest) {
            return size() > 256;
        }
    };

    private static String frame(FrameKey key) {
        synchronized (FRAMES) {
            String frame = FRAMES.get(key);
            if (frame != null) {
                return frame;
            }
        }
        Calendar calendar = new Calendar()
                .withProdId("-//Lectern//Lectern 0.1//EN")
                .withProperty(new Version(new ParameterList(), "2.0"))
                .withProperty(new CalScale("GREGORIAN"))
                .withProperty(new Method("PUBLISH"))
                .withProperty(new Name(plain(key.name())))
                .withProperty(new XProperty("X-WR-CALNAME", plain(key.name())))
                .withProperty(new Url(key.url()))
                .withProperty(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .withProperty(new XProperty("X-PUBLISHED-TTL", "PT1H"))
                .getFluentTarget();
        // one VTIMEZONE per zone an entry names, in a fixed order
        key.zones().forEach(zone -> calendar.add(timeZone(zone)));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false, FOLD_LENGTH).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Feed " + key.name() + " is not valid iCalendar", e);
        }
        String frame = out.toString();
        synchronized (FRAMES) {
            FRAMES.put(key, frame);
        }
        return frame;
    }

    /** A component as the feed prints it: its lines folded as {@code CalendarOutputter} folds them. */
    private static String folded(Component component) {
        StringWriter out = new StringWriter();
        try (FoldingWriter folding = new FoldingWriter(out, FOLD_LENGTH)) {
            folding.write(component.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The zone's definition under the zone's own name. ical4j files some zones under another
     * (Europe/Amsterdam is an alias of Europe/Brussels since tzdata 2022); a client must find a
     * VTIMEZONE with exactly the TZID the entries name.
     */
    private static VTimeZone timeZone(String zone) {
        return DEFINITIONS.computeIfAbsent(zone, CalendarFeed::definition);
    }

    /**
     * Made once per zone and shared: a rebuild writes a thousand feeds in one zone, and ical4j's
     * copy of a definition was a sixth of the rebuild. Feeds only print it, never change it.
     */
    private static final Map<String, VTimeZone> DEFINITIONS = new ConcurrentHashMap<>();

    private static VTimeZone definition(String zone) {
        VTimeZone definition = ZONES.getTimeZone(zone).getVTimeZone().copy();
        if (!zone.equals(definition.getTimeZoneId().getValue())) {
            definition.replace(new net.fortuna.ical4j.model.property.TzId(zone));
            definition.removeAll("TZURL", "X-LIC-LOCATION");
        }
        return definition;
    }

    /**
     * A VEVENT with exactly these properties, in this order (no DTSTAMP of "now"), leaving out an
     * empty LOCATION; its texts made {@link #plain}.
     */
    private static VEvent component(Property... properties) {
        VEvent entry = new VEvent(false);
        for (Property property : properties) {
            if (property instanceof Summary || property instanceof Description || property instanceof Location) {
                property.setValue(plain(property.getValue()));
            }
            if (!(property instanceof Location && property.getValue().isBlank())) {
                entry.add(property);
            }
        }
        return entry;
    }

    /**
     * Text a feed can carry: CRLF, a lone CR and the Unicode line separators become LF (which
     * ical4j escapes as {@code \n}), TAB stays, every other control character (C0, DEL, C1) is
     * removed. ical4j escapes only LF: a lone CR, NUL or ESC would reach the feed raw, and a
     * reader would start a new content line at the CR. The API refuses them; this is the second
     * wall for anything already stored.
     */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder plain = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
            if (control && plain == null) {
                plain = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (plain == null) {
                continue;
            }
            if (c == '\r') {
                plain.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                plain.append('\n');
            } else if (!control) {
                plain.append(c);
            }
        }
        return plain == null ? text : plain.toString();
    }

    private static ParameterList tz(ZoneId zone) {
        return new ParameterList(List.of(new TzId(zone.getId())));
    }

    private static String weekday(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static boolean cancelled(EventView event) {
        return event.status() == EventView.Status.CANCELLED;
    }

    private static String location(EventView event, String room) {
        String venue = event.venue() == null ? "" : event.venue().label();
        return List.of(room == null ? "" : room, venue).stream().filter(s -> !s.isBlank()).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String description(ItemView item, Map<UUID, PersonView> people, URI pageUrl) {
        StringBuilder text = new StringBuilder();
        String speakers = names(item.speakerIds(), people);
        if (!speakers.isEmpty()) {
            text.append(speakers).append("\n\n");
        } else if (item.speakerToBeAnnounced()) {
            text.append("Speaker to be announced\n\n");
        }
        if (item.abstractText() != null && !item.abstractText().isBlank()) {
            text.append(item.abstractText().strip()).append("\n\n");
        }
        return text.append(pageUrl).toString();
    }

    private static String names(List<UUID> ids, Map<UUID, PersonView> people) {
        return ids.stream().map(people::get).filter(p -> p != null).map(CalendarFeed::nameWithAffiliation)
                .collect(Collectors.joining("; "));
    }

    static String nameWithAffiliation(PersonView person) {
        String affiliations = person.currentAffiliationNames();
        return affiliations.isEmpty() ? person.name() : person.name() + " (" + affiliations + ")";
    }
}
