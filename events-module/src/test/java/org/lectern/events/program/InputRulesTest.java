package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/** The rules Bean Validation checks before the event sees the input: formats and bounds. */
class InputRulesTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static Set<String> invalid(Object input) {
        return VALIDATOR.validate(input).stream().map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static EventInput event(String slug, List<EventInput.LinkInput> links, EventInput.HostConferenceInput host) {
        return new EventInput(slug, "T", null, "workshop", "Europe/London", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 1), null, host, null, null, links);
    }

    @Test
    void slugsAreUrlSafe() {
        assertTrue(invalid(event("effgenai-2024", null, null)).isEmpty());
        for (String slug : List.of("Upper", "two--dashes", "-lead", "../x", "a b", "é")) {
            assertEquals(Set.of("slug"), invalid(event(slug, null, null)), slug);
        }
    }

    @Test
    void everyUrlIsHttpOrHttps() {
        assertEquals(Set.of("hostConference.url", "links[0].url"), invalid(event("x",
                List.of(new EventInput.LinkInput("registration", "Register", "javascript:alert(1)")),
                new EventInput.HostConferenceInput("ASPLOS", "data:text/html,hi"))));
        SessionInput.ItemInput item = new SessionInput.ItemInput(null, "talk", "T", LocalDateTime.now(),
                LocalDateTime.now().plusHours(1), null, null, null, null, "file:///etc/passwd", "vbscript:x", false, false, null);
        assertEquals(Set.of("recordingUrl", "slidesUrl"), invalid(item));
        assertEquals(Set.of("logoUrl"), invalid(new DetailInputs.SponsorInput("S", "javascript:x", "https://s.org")));
    }

    @Test
    void textsAreBounded() {
        assertEquals(Set.of("title"), invalid(new SessionInput.ItemInput(null, "talk", "x".repeat(501), null, null, 10,
                null, null, null, null, null, false, false, null)));
        assertEquals(Set.of("text"), invalid(new DetailInputs.AnnouncementInput(null, "x".repeat(5001), false)));
    }

    @Test
    void controlCharactersAreRefusedLineBreaksOnlyInParagraphs() {
        for (char c : List.of('\u0000', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028')) {
            SessionInput.ItemInput item = new SessionInput.ItemInput(null, "talk", "A" + c + "B", null, null, 10,
                    null, null, "A" + c + "B", null, null, false, false, "T" + c);
            assertEquals(Set.of("abstract", "title", "track"), invalid(item), String.format("U+%04X", (int) c));
            assertEquals(Set.of("sections[0].body", "venue.room"), invalid(new EventInput("x", "T", null, "workshop", "UTC",
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), new EventInput.VenueInput("V", null, "R" + c, null, null),
                    null, List.of(new EventInput.SectionInput("About", "B" + c)), null, null)), String.format("U+%04X", (int) c));
        }
        assertEquals(Set.of("title"), invalid(new SessionInput.ItemInput(null, "talk", "A\nB", null, null, 10,
                null, null, "One\r\nTwo\n\tThree", null, null, false, false, null)), "line breaks only in the abstract");
        assertTrue(VALIDATOR.validate(new SessionInput.ItemInput(null, "talk", "A\nB", null, null, 10, null, null, null,
                null, null, false, false, null)).iterator().next().getMessage().startsWith("must be one line"));
    }
}
