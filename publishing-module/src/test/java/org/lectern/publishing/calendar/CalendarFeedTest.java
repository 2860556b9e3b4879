package org.lectern.publishing.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.PersonView;

class CalendarFeedTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant CHANGED = Instant.parse("2024-05-01T12:00:00Z");
    static final URI PAGE = URI.create("https://events.example.org/events/effgenai-2024/schedule/");
    final PersonView speaker = new PersonView(UUID.randomUUID(), "woosuk-kwon", "Woosuk Kwon", PersonView.Kind.PERSON,
            null, List.of(new AffiliationView("UC Berkeley", false), new AffiliationView("Old Lab", true)),
            null, List.of(), null, null, null, 1, CHANGED);

    EventView event(String title) {
        ZonedDateTime start = ZonedDateTime.of(2024, 6, 26, 10, 20, 0, 0, LONDON);
        ItemView talk = new ItemView(UUID.fromString("00000000-0000-0000-0000-000000000001"), "talk", title,
                start, start.plusMinutes(40), false, List.of(speaker.id()), List.of(), false, null, null, null, false, 3, CHANGED, null);
        SessionView session = new SessionView(UUID.randomUUID(), "Software & Hardware", "session", "Room 1", List.of(), start,
                start.plusMinutes(80), List.of(talk));
        return new EventView(UUID.randomUUID(), "effgenai-2024", "Efficient GenAI", null, "workshop", LONDON,
                LocalDate.of(2024, 6, 26), LocalDate.of(2024, 6, 27),
                new EventView.VenueView(null, null, null, null, "Edinburgh"), null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 4,
                CHANGED, List.of(session));
    }

    Calendar parse(byte[] feed) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(feed, StandardCharsets.UTF_8)));
    }

    @Test
    void itemTimesAreInTheEventZoneAndMeanTheRightInstant() throws Exception {
        byte[] feed = CalendarFeed.forEvent(event("Serving LLMs"), Map.of(speaker.id(), speaker), PAGE, "events.example.org");
        String text = new String(feed, StandardCharsets.UTF_8);
        assertTrue(text.contains("DTSTART;TZID=Europe/London:20240626T102000"), text);
        assertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London"), text);

        VEvent entry = parse(feed).<VEvent>getComponents(VEvent.VEVENT).get(0);
        DtStart<Temporal> start = entry.getDateTimeStart();
        assertEquals(Instant.parse("2024-06-26T09:20:00Z"), Instant.from(start.getDate()));
        assertEquals("00000000-0000-0000-0000-000000000001@events.example.org", entry.getUid().get().getValue());
        assertEquals("3", entry.getSequence().getValue());
        assertEquals("20240501T120000Z", entry.getDateTimeStamp().getValue());
        assertTrue(entry.getDescription().getValue().startsWith("Woosuk Kwon (UC Berkeley)\n\n"));
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        EventView event = event("Serving LLMs");
        assertArrayEquals(CalendarFeed.forEvent(event, Map.of(speaker.id(), speaker), PAGE, "h"),
                CalendarFeed.forEvent(event, Map.of(speaker.id(), speaker), PAGE, "h"));
    }

    @Test
    void hostileTextCannotAddPropertiesOrComponents() throws Exception {
        String hostile = "Talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned; a,b \\ " + "x".repeat(500) + " 🎉 é";
        byte[] feed = CalendarFeed.forEvent(event(hostile), Map.of(speaker.id(), speaker), PAGE, "h");
        String text = new String(feed, StandardCharsets.UTF_8);
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line longer than 75 octets: " + line);
        }
        Calendar calendar = parse(feed);
        assertEquals(1, calendar.<VEvent>getComponents(VEvent.VEVENT).size());
        VEvent entry = calendar.<VEvent>getComponents(VEvent.VEVENT).get(0);
        assertEquals(1, entry.<Property>getProperties(Property.SUMMARY).size());
        assertEquals(hostile.replace("\r\n", "\n"), entry.getSummary().getValue().replace("\r\n", "\n"));
    }

    /** Entries are printed one by one and joined into ical4j's frame: the bytes are ical4j's own printing. */
    @Test
    void printedAsIcal4jPrintsTheWholeCalendar() throws Exception {
        String title = "Keynote: " + "a long title, with; commas \\ and 🎉 é ".repeat(8) + "end";
        byte[] feed = CalendarFeed.forEvent(event(title), Map.of(speaker.id(), speaker), PAGE, "h");
        StringWriter reprinted = new StringWriter();
        new CalendarOutputter(false).output(parse(feed), reprinted);
        assertEquals(reprinted.toString(), new String(feed, StandardCharsets.UTF_8));
    }

    /** Printed entries are kept: a change to anything an entry shows prints it afresh. */
    @Test
    void aChangedItemOrSpeakerIsPrintedAfreshAndAnUnchangedItemAsBefore() {
        Map<UUID, PersonView> people = Map.of(speaker.id(), speaker);
        byte[] first = CalendarFeed.forEvent(event("Serving LLMs"), people, PAGE, "h");

        String renamed = new String(CalendarFeed.forEvent(event("Serving LLMs faster"), people, PAGE, "h"),
                StandardCharsets.UTF_8);
        assertTrue(renamed.contains("SUMMARY:Serving LLMs faster\r\n"), renamed);

        PersonView moved = new PersonView(speaker.id(), speaker.slug(), speaker.name(), PersonView.Kind.PERSON,
                null, List.of(new AffiliationView("New Lab", false)), null, List.of(), null, null, null, 2, CHANGED);
        String afterMove = new String(CalendarFeed.forEvent(event("Serving LLMs"), Map.of(speaker.id(), moved), PAGE, "h"),
                StandardCharsets.UTF_8);
        assertTrue(afterMove.contains("DESCRIPTION:Woosuk Kwon (New Lab)"), afterMove);

        assertArrayEquals(first, CalendarFeed.forEvent(event("Serving LLMs"), people, PAGE, "h"));
    }

    /** Every C0 control but TAB and LF, DEL, every C1 control, and the Unicode line separators. */
    static String everyControlCharacter() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n') {
                controls.append(c);
            }
        }
        for (char c = 0x7f; c <= 0x9f; c++) {
            controls.append(c);
        }
        return controls.append('\u2028').append('\u2029').toString();
    }

    /**
     * A stored record from before the API refused them (or from an import) holds every control
     * character, each before an injected property, in its title, room, abstract, the speaker's name
     * and the venue: the feed has one entry with the expected properties only, and no line over 75 octets.
     */
    @Test
    void controlCharactersInStoredTextAreRemovedFromTheFeed() throws Exception {
        StringBuilder hostile = new StringBuilder("Talk");
        for (char c : everyControlCharacter().toCharArray()) {
            hostile.append(c).append("X-INJ-").append(String.format("%02X", (int) c)).append(":1").append(c).append("DTSTART:20990101T000000Z");
        }
        String text = hostile.toString();
        ZonedDateTime start = ZonedDateTime.of(2024, 6, 26, 10, 20, 0, 0, LONDON);
        PersonView named = new PersonView(speaker.id(), "s", "Eve" + text, PersonView.Kind.PERSON, null, List.of(),
                null, List.of(), null, null, null, 1, CHANGED);
        ItemView talk = new ItemView(UUID.randomUUID(), "talk", text, start, start.plusMinutes(40), false,
                List.of(named.id()), List.of(), false, "Abstract" + text, null, null, false, 1, CHANGED, null);
        SessionView session = new SessionView(UUID.randomUUID(), "S" + text, "session", "Room" + text, List.of(), start,
                start.plusMinutes(80), List.of(talk));
        EventView event = new EventView(UUID.randomUUID(), "e", "Event" + text, null, "workshop", LONDON,
                LocalDate.of(2024, 6, 26), LocalDate.of(2024, 6, 27),
                new EventView.VenueView("Hall" + text, null, null, null, "Town"), null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 4,
                CHANGED, List.of(session));

        byte[] feed = CalendarFeed.forEvent(event, Map.of(named.id(), named), PAGE, "h");
        String printed = new String(feed, StandardCharsets.UTF_8);
        List<String> allowed = List.of("BEGIN", "END", "PRODID", "VERSION", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                "URL", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID", "TZURL", "X-LIC-LOCATION", "TZOFFSETFROM",
                "TZOFFSETTO", "TZNAME", "X-PROLEPTIC-TZNAME", "DTSTART", "RRULE", "RDATE", "UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE",
                "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS");
        for (String line : printed.split("\r\n", -1)) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line longer than 75 octets: " + line);
            for (char c : line.toCharArray()) {
                assertTrue(c == '\t' || c >= 0x20 && (c < 0x7f || c > 0x9f) && c != '\u2028' && c != '\u2029',
                        String.format("U+%04X in the feed: %s", (int) c, line));
            }
            if (line.isEmpty() || line.startsWith(" ")) {
                continue;
            }
            String property = line.split("[:;]", 2)[0];
            assertTrue(allowed.contains(property), "unexpected property " + property + " in\n" + printed);
        }
        Calendar calendar = parse(feed);
        List<VEvent> entries = calendar.getComponents(VEvent.VEVENT);
        assertEquals(1, entries.size(), printed);
        VEvent entry = entries.get(0);
        assertEquals(1, entry.<Property>getProperties(Property.DTSTART).size(), printed);
        assertEquals(List.of(), entry.getProperties().stream().map(Property::getName).filter(n -> n.startsWith("X-")).toList());
        // the text is kept: a CR is a line break (escaped), other controls are gone
        String summary = entry.getSummary().getValue();
        assertTrue(summary.startsWith("TalkX-INJ-00:1DTSTART:20990101T000000ZX-INJ-01:1"), summary);
        assertTrue(summary.contains("\nX-INJ-0D:1\nDTSTART:20990101T000000Z"), summary);
        assertTrue(entry.getDescription().getValue().contains("AbstractTalkX-INJ-00:1"), entry.getDescription().getValue());
        assertTrue(entry.getLocation().getValue().startsWith("RoomTalkX-INJ-00:1"), entry.getLocation().getValue());
    }
}
