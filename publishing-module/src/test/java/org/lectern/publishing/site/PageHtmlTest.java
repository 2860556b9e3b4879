package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import nu.validator.client.EmbeddedValidator;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.PersonView;

/**
 * The layout and the schedule page, rendered from a fixture full of markup, are valid HTML5 by the
 * Nu HTML Checker, in process: the fast check of layout edits. SiteQualityIT checks every page type
 * the running server publishes, with axe-core in Chromium too.
 */
class PageHtmlTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final String HOSTILE = "<script>alert(1)</script> & \"quotes\" <b>";

    final PersonView speaker = new PersonView(UUID.randomUUID(), "s", "Ada " + HOSTILE, PersonView.Kind.PERSON,
            null, List.of(new AffiliationView("Engines & <Sons>", false)), null, List.of(), null, null, null, 1, Instant.EPOCH);

    EventView event() {
        ZonedDateTime start = ZonedDateTime.of(2026, 6, 25, 9, 0, 0, 0, ZONE);
        ItemView talk = new ItemView(UUID.randomUUID(), "keynote", "Keynote " + HOSTILE, start, start.plusMinutes(50), false,
                List.of(speaker.id()), List.of(), false, null, null, null, false, 0, Instant.EPOCH, null);
        ItemView cancelled = new ItemView(UUID.randomUUID(), "talk", "Gone", start.plusMinutes(50), start.plusMinutes(70), false,
                List.of(), List.of(), false, null, null, null, true, 0, Instant.EPOCH, null);
        ItemView tba = new ItemView(UUID.randomUUID(), "talk", "To come", start.plusMinutes(70), start.plusMinutes(90), false,
                List.of(), List.of(), true, null, null, null, false, 0, Instant.EPOCH, null);
        SessionView session = new SessionView(UUID.randomUUID(), "Opening " + HOSTILE, "session", "Aula <1>", List.of(),
                start, start.plusMinutes(90), List.of(talk, cancelled, tba));
        return new EventView(UUID.randomUUID(), "quality", "Systems " + HOSTILE, null, "workshop", ZONE,
                LocalDate.of(2026, 6, 25), LocalDate.of(2026, 6, 26), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), EventView.Status.PUBLISHED, 1, Instant.EPOCH,
                List.of(session));
    }

    final Links links = Links.of("quality", address("https://lectern.example"));

    static PublicAddress address(String base) {
        PublicAddress address = new PublicAddress();
        address.baseUrl = base;
        return address;
    }

    @Test
    void theSchedulePageIsValidHtml() {
        assertValid(new String(SchedulePage.render(event(), Map.of(speaker.id(), speaker), links), StandardCharsets.UTF_8));
    }

    @Test
    void aTalkPageIsValidHtml() {
        EventView event = event();
        SessionView session = event.sessions().get(0);
        ItemView keynote = session.items().get(0);
        ItemView gone = session.items().get(1);
        String html = new String(TalkPage.render(event, TrackPage.tracks(event), session, keynote, Map.of(speaker.id(), speaker), links,
                p -> null, null, new TalkPage.Neighbour(gone.id(), "Gone " + HOSTILE, "Thu 09:50", TalkPage.page(event, gone))),
                StandardCharsets.UTF_8);
        assertValid(html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void theCheckerFindsErrors() {
        // the check can fail: a page with an unclosed element and an image without alt text
        assertFalse(errors("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><div><img src=\"a.png\"></body></html>")
                .isEmpty());
    }

    private static void assertValid(String html) {
        List<String> errors = errors(html);
        assertTrue(errors.isEmpty(), String.join("\n", errors) + "\n" + html);
    }

    private static List<String> errors(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        try (JsonReader reader = Json.createReader(new StringReader(
                validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)))))) {
            return reader.readObject().getJsonArray("messages").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(m -> !m.getString("type", "").equals("info"))
                    .map(m -> "line " + m.getInt("lastLine", 0) + ": " + m.getString("message", ""))
                    .toList();
        } catch (java.io.IOException | org.xml.sax.SAXException e) {
            throw new AssertionError("the checker failed", e);
        }
    }
}
