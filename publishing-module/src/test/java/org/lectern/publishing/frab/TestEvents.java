package org.lectern.publishing.frab;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/** Events built by hand, the same every time they are built. */
final class TestEvents {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant CHANGED = Instant.parse("2024-05-01T12:00:00Z");
    static final URI PAGE = URI.create("https://events.example.org/events/effgenai-2024/");

    static final PersonView ALICE = person("alice", "Alice Adams");
    static final PersonView BOB = person("bob", "Bob Brown");
    static final PersonView CAROL = person("carol", "Carol Chen");
    /** Named by the program, missing from the directory. */
    static final UUID DAVE = id("dave");

    static final UUID KEYNOTE = id("keynote");
    static final UUID COFFEE = id("coffee");
    static final UUID WORKSHOP = id("workshop");
    static final UUID CANCELLED_TALK = id("cancelled-talk");
    static final UUID NOTICES = id("notices");
    static final UUID PANEL = id("panel");
    static final UUID TBA = id("tba");
    static final UUID LUNCH = id("lunch");

    static final UUID NIGHT_OWL = id("night-owl");
    static final UUID FROM_UTC = id("from-utc");

    private TestEvents() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static PersonView person(String slug, String name) {
        return new PersonView(id(slug), slug, name, PersonView.Kind.PERSON, null, List.of(), null, List.of(), null,
                null, null, 1, CHANGED);
    }

    static Map<UUID, PersonView> people() {
        return Map.of(ALICE.id(), ALICE, BOB.id(), BOB, CAROL.id(), CAROL);
    }

    static ItemView item(UUID id, String kind, String title, ZonedDateTime start, int minutes) {
        return item(id, kind, title, start, minutes, List.of(), List.of(), false, null, false, null);
    }

    static ItemView item(UUID id, String kind, String title, ZonedDateTime start, int minutes, List<UUID> speakers,
                         List<UUID> moderators, boolean tba, String abstractText, boolean cancelled, String track) {
        return new ItemView(id, kind, title, start, start.plusMinutes(minutes), false, speakers, moderators, tba,
                abstractText, cancelled ? "https://slides.example.org/cancelled.pdf" : null, null, cancelled, 1,
                CHANGED, track);
    }

    static SessionView session(String title, String room, ItemView... items) {
        List<ItemView> list = List.of(items);
        return new SessionView(id("session " + title), title, "session", room, List.of(), list.get(0).start(),
                list.get(list.size() - 1).end(), list);
    }

    static EventView event(String slug, String title, ZoneId zone, LocalDate start, LocalDate end,
                           EventView.Status status, List<SessionView> sessions) {
        return new EventView(id("event " + slug), slug, title, null, "workshop", zone, start, end, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                status, 7, CHANGED, sessions);
    }

    /**
     * Two days in London (summer time, +01:00): a keynote with two speakers, a coffee break, a
     * workshop in a second room, a cancelled talk and a zero-length item in a session without a
     * room, then a panel (one speaker missing from the directory, a moderator), a talk whose
     * speaker is to be announced, and lunch.
     */
    static EventView london() {
        ZonedDateTime day1 = ZonedDateTime.of(2024, 6, 26, 9, 0, 0, 0, LONDON);
        ZonedDateTime day2 = day1.plusDays(1);
        return event("effgenai-2024", "Efficient GenAI", LONDON, LocalDate.of(2024, 6, 26), LocalDate.of(2024, 6, 27),
                EventView.Status.PUBLISHED, List.of(
                        session("Opening", "Lecture Theatre 1",
                                item(KEYNOTE, "keynote", "Serving LLMs", day1, 60, List.of(ALICE.id(), BOB.id()),
                                        List.of(), false, "Why serving is hard.", false, "Systems"),
                                item(COFFEE, "break", "Coffee", day1.plusMinutes(60), 30)),
                        session("Hands-on", "Annex",
                                item(WORKSHOP, "workshop", "Quantize It", day1, 90)),
                        session("Afternoon", null,
                                item(CANCELLED_TALK, "talk", "Sparse Attention", day1.withHour(14), 40,
                                        List.of(CAROL.id()), List.of(), false, null, true, null),
                                item(NOTICES, "closing", "Notices", day1.withHour(14).plusMinutes(40), 0)),
                        session("Day two", "Lecture Theatre 1",
                                item(PANEL, "panel", "Open Questions", day2, 60, List.of(DAVE, CAROL.id()),
                                        List.of(ALICE.id()), false, null, false, null),
                                item(TBA, "talk", "Lightning Talk", day2.plusMinutes(60), 30, List.of(BOB.id()),
                                        List.of(), true, null, false, null),
                                item(LUNCH, "meal", "Lunch", day2.withHour(12), 60))));
    }

    /**
     * Chicago on the night the clocks go forward (2024-03-10, 02:00 CST becomes 03:00 CDT): an
     * item from 01:30 CST for an hour ends at 03:30 CDT; another item is given in UTC.
     */
    static EventView chicago() {
        ZonedDateTime early = ZonedDateTime.of(2024, 3, 10, 1, 30, 0, 0, CHICAGO);
        ZonedDateTime utc = ZonedDateTime.of(2024, 3, 10, 15, 0, 0, 0, ZoneOffset.UTC);
        return event("devconf-2024-us", "DevConf US", CHICAGO, LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 10),
                EventView.Status.PUBLISHED, List.of(
                        session("Night", "Hall B",
                                item(NIGHT_OWL, "talk", "Night Owls", early, 60, List.of(BOB.id()), List.of(), false,
                                        null, false, null),
                                item(FROM_UTC, "talk", "Given in UTC", utc, 45))));
    }

    /** One item in the given zone, for zone names the schemas treat differently. */
    static EventView inZone(ZoneId zone) {
        ZonedDateTime start = ZonedDateTime.of(2024, 9, 2, 10, 0, 0, 0, zone);
        return event("zones", "Zones", zone, start.toLocalDate(), start.toLocalDate(), EventView.Status.PUBLISHED,
                List.of(session("Only", "Room", item(id("zone item"), "talk", "Talk", start, 30))));
    }

    /** The same program with the given texts in title, abstract, room, track, kind and a speaker's name. */
    static EventView texts(String title, String abstractText, String room, String track, String kind) {
        ZonedDateTime start = ZonedDateTime.of(2024, 9, 2, 10, 0, 0, 0, LONDON);
        return event("x", title, LONDON, start.toLocalDate(), start.toLocalDate(), EventView.Status.PUBLISHED,
                List.of(session("Texts", room,
                        item(id("text item"), kind, title, start, 30, List.of(id("text speaker")), List.of(), false,
                                abstractText, false, track),
                        item(id("text break"), "break", "Break", start.plusMinutes(30), 15))));
    }
}
