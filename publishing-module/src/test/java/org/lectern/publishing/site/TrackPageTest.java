package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;

/** Tracks: their folders, colours, pages and feeds hold their own talks and nothing else. */
class TrackPageTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    final ZonedDateTime nine = ZonedDateTime.of(2021, 2, 6, 9, 0, 0, 0, BRUSSELS);

    ItemView talk(String title, String track, int offset) {
        return new ItemView(UUID.randomUUID(), "talk", title, nine.plusMinutes(offset), nine.plusMinutes(offset + 30), false,
                List.of(), List.of(), false, null, null, null, false, 2, Instant.EPOCH, track);
    }

    final ItemView rust = talk("Rust in the kernel", "Rust", 0);
    final ItemView go = talk("Go <generics>", "Go & Friends", 30);
    final ItemView rust2 = talk("Async Rust", "Rust", 60);
    final ItemView untracked = talk("Keynote", null, 90);

    final EventView event = new EventView(UUID.randomUUID(), "fosdem-2021", "FOSDEM 2021", null, "conference", BRUSSELS,
            LocalDate.of(2021, 2, 6), LocalDate.of(2021, 2, 7), null, null, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 1, Instant.EPOCH,
            List.of(new SessionView(UUID.randomUUID(), "K.1.105", "session", "K.1.105", List.of(), nine, nine.plusMinutes(120),
                    List.of(rust, go, rust2, untracked))));

    @Test
    void folderNamesAreLettersAndDigitsAndUniqueWithinTheEvent() {
        assertEquals("go-friends", TrackPage.slug("Go & Friends"));
        assertEquals("developpement-web", TrackPage.slug("Développement Web"));
        assertTrue(TrackPage.slug("\u5f00\u6e90").matches("track-[0-9a-z]+"), TrackPage.slug("\u5f00\u6e90"));
        EventView twins = TrackPage.withSessions(event, List.of(new SessionView(UUID.randomUUID(), "s", "session", null,
                List.of(), nine, nine.plusMinutes(60), List.of(talk("a", "C++", 0), talk("b", "C", 30), talk("c", "C--", 60)))));
        assertEquals(List.of("c", "c-2", "c-3"), TrackPage.tracks(twins).values().stream().map(TrackPage.Track::slug).toList());
    }

    @Test
    void tracksComeInProgramOrderWithAColourFromTheirName() {
        Map<String, TrackPage.Track> tracks = TrackPage.tracks(event);
        assertEquals(List.of("Rust", "Go & Friends"), List.copyOf(tracks.keySet()));
        assertEquals(TrackPage.tracks(event).get("Rust").colour(), tracks.get("Rust").colour());
        assertEquals(Math.floorMod("Rust".hashCode(), TrackPage.COLOURS), tracks.get("Rust").colour());
    }

    @Test
    void aTrackPageListsItsTalksOnly() {
        TrackPage.Track rustTrack = TrackPage.tracks(event).get("Rust");
        String html = new String(TrackPage.render(event, rustTrack, Map.of(),
                Links.of(event.slug(), PageHtmlTest.address("https://fosdem.example")),
                "https://fosdem.example/events/fosdem-2021/tracks/rust/calendar.ics",
                "webcal://fosdem.example/events/fosdem-2021/tracks/rust/calendar.ics"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Track: Rust</h1>"), html);
        assertTrue(html.contains(">Rust in the kernel</a>") && html.contains(">Async Rust</a>"), html);
        assertFalse(html.contains("generics") || html.contains("Keynote"), html);
        assertTrue(html.contains("href=\"webcal://fosdem.example/events/fosdem-2021/tracks/rust/calendar.ics\""), html);
    }

    @Test
    void aTrackFeedHoldsItsTalksWithTheEventFeedsUids() {
        TrackPage.Track goTrack = TrackPage.tracks(event).get("Go & Friends");
        String ics = new String(TrackPage.calendar(event, goTrack, Map.of(),
                URI.create("https://fosdem.example/events/fosdem-2021/tracks/go-friends/"),
                URI.create("https://fosdem.example/events/fosdem-2021/schedule/"), "fosdem.example"), StandardCharsets.UTF_8);
        assertEquals(1, ics.split("BEGIN:VEVENT", -1).length - 1, ics);
        assertTrue(ics.contains("UID:" + go.id() + "@fosdem.example"), ics);
        assertTrue(ics.contains("X-WR-CALNAME:FOSDEM 2021 \u00b7 Go & Friends"), ics);
    }

    @Test
    void theScheduleMarksEachTalkWithItsTrack() {
        String html = new String(SchedulePage.render(event, Map.of(),
                Links.of(event.slug(), PageHtmlTest.address("https://fosdem.example"))), StandardCharsets.UTF_8);
        assertTrue(html.contains("<a class=\"track track-" + TrackPage.tracks(event).get("Rust").colour()
                + "\" href=\"/events/fosdem-2021/tracks/rust/\">Rust</a>"), html);
        assertTrue(html.contains("href=\"/events/fosdem-2021/tracks/go-friends/\">Go &amp; Friends</a>"), html);
    }
}
