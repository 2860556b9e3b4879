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
}
