package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.PersonView;

/** A page per program item: the facts an attendee looks for, and its neighbours in the room. */
class TalkPageTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final ZonedDateTime ten = ZonedDateTime.of(2024, 5, 16, 10, 20, 0, 0, LONDON);

    final PersonView woosuk = new PersonView(UUID.randomUUID(), "woosuk-kwon", "Woosuk Kwon", PersonView.Kind.PERSON,
            null, List.of(new AffiliationView("UC Berkeley", false)), null, List.of(), "Works on **vLLM**.", null, null, 1,
            Instant.EPOCH);

    final ItemView vllm = item("invited-talk", "Serving LLMs with PagedAttention", ten, 40, false,
            "We present *vLLM*.", "https://slides.example.org/vllm.pdf", "javascript:alert(1)");
    final ItemView second = item("invited-talk", "Tenstorrent", ten.plusMinutes(40), 40, true, null, null, null);
    final ItemView lunch = item("meal", "Lunch", ten.plusMinutes(80), 60, false, null, null, null);
    final ItemView other = item("talk", "Elsewhere", ten, 30, false, null, null, null);

    ItemView item(String kind, String title, ZonedDateTime start, int minutes, boolean cancelled, String abstractText,
                  String slides, String recording) {
        return new ItemView(UUID.randomUUID(), kind, title, start, start.plusMinutes(minutes), false,
                List.of(woosuk.id()), List.of(), false, abstractText, slides, recording, cancelled, 3, Instant.EPOCH, "Systems");
    }

    final SessionView systems = new SessionView(UUID.randomUUID(), "Software & Hardware", "session", "G.07", List.of(),
            ten, ten.plusMinutes(80), List.of(vllm, second));
    final SessionView meal = new SessionView(UUID.randomUUID(), "Lunch", "session", "G.07", List.of(),
            lunch.start(), lunch.end(), List.of(lunch));
    final SessionView parallel = new SessionView(UUID.randomUUID(), "Posters", "session", "Atrium", List.of(),
            ten, ten.plusMinutes(30), List.of(other));

    final EventView event = new EventView(UUID.randomUUID(), "effgenai-2024", "EffGenAI", null, "workshop", LONDON,
            LocalDate.of(2024, 5, 16), LocalDate.of(2024, 5, 17), null, null, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 1, Instant.EPOCH,
            List.of(systems, meal, parallel));

    String render(SessionView session, ItemView item) {
        TalkPage.Neighbour[] around = TalkPage.neighbours(event).get(item.id());
        return new String(TalkPage.render(event, TrackPage.tracks(event), session, item, Map.of(woosuk.id(), woosuk),
                Links.of(event.slug(), PageHtmlTest.address("https://events.example.org")), p -> null, around[0], around[1]),
                StandardCharsets.UTF_8);
    }

    @Test
    void showsWhatAnAttendeeLooksFor() {
        String html = render(systems, vllm);
        assertTrue(html.contains("<h1>Serving LLMs with PagedAttention</h1>"), html);
        assertTrue(html.contains("Invited talk · <a class=\"track track-" + TrackPage.tracks(event).get("Systems").colour()
                + "\" href=\"/events/effgenai-2024/tracks/systems/\">Track: Systems</a>"), html);
        assertTrue(html.contains("Thursday 16 May 2024, 10:20\u201311:00</time> <span class=\"zone\">Europe/London (BST)</span>"
                + " · <span class=\"room\">G.07</span>"), html);
        assertTrue(html.contains("<p>We present <em>vLLM</em>.</p>"), html);
        assertTrue(html.contains("<a href=\"https://slides.example.org/vllm.pdf\">Slides</a>"), html);
        assertFalse(html.contains("javascript:"), html); // a recording link that is no web address is left out
        assertTrue(html.contains("<a href=\"/people/woosuk-kwon/\">Woosuk Kwon</a>"), html);
        assertTrue(html.contains("UC Berkeley"), html);
        assertTrue(html.contains("Works on <strong>vLLM</strong>."), html);
        assertTrue(html.contains("<a href=\"talk.ics\">Add to your calendar</a>"), html);
        assertFalse(html.contains("Cancelled"), html);
    }

    @Test
    void aCancelledItemSaysSo() {
        String html = render(systems, second);
        assertTrue(html.contains("<strong>Cancelled.</strong>"), html);
        assertTrue(html.contains("class=\"talk cancelled\""), html);
    }

    @Test
    void previousAndNextAreInTheSameRoomAndSkipPauses() {
        String first = render(systems, vllm);
        assertFalse(first.contains("Before:"), first);
        assertTrue(first.contains("After: <a href=\"/events/effgenai-2024/talks/" + second.id() + "/\">Tenstorrent</a>"), first);
        String next = render(systems, second);
        assertTrue(next.contains("Before: <a href=\"/events/effgenai-2024/talks/" + vllm.id() + "/\">"), next);
        assertFalse(next.contains("After:"), next); // lunch follows in G.07, but has no page
        String elsewhere = render(parallel, other);
        assertFalse(elsewhere.contains("Before:") || elsewhere.contains("After:"), elsewhere);
    }

    @Test
    void theAddressIsTheItemsIdAndPausesAreNoOnesNeighbours() {
        assertEquals("/events/effgenai-2024/talks/" + vllm.id() + "/", TalkPage.page(event, vllm));
        assertTrue(TalkPage.isPause(lunch));
        assertNull(TalkPage.neighbours(event).get(lunch.id()));
    }

    @Test
    void theItemsCalendarHoldsItAloneWithItsFeedUid() {
        String ics = new String(TalkPage.calendar(event, systems, vllm, Map.of(woosuk.id(), woosuk),
                URI.create("https://events.example.org/events/effgenai-2024/talks/" + vllm.id() + "/"), "events.example.org"),
                StandardCharsets.UTF_8);
        assertEquals(1, ics.split("BEGIN:VEVENT", -1).length - 1, ics);
        assertTrue(ics.contains("UID:" + vllm.id() + "@events.example.org"), ics);
        assertTrue(ics.contains("SEQUENCE:3"), ics);
    }
}
