package org.lectern.events.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.Map;
import java.util.HashMap;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/**
 * The demo fixtures read as the API's own documents and pass its input rules, so the first start
 * cannot fail on them. (That they also pass the event's rules is shown by the server's start-up
 * and the EventsIT, which load them through the editor.)
 */
class DemoFixturesTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void everyFixtureReadsAndIsValidInput() {
        Map<String, DemoEvents.Fixture> fixtures = new HashMap<>();
        for (String name : DemoEvents.FIXTURES) {
            DemoEvents.Fixture fixture = DemoEvents.fixture(name);
            fixtures.put(name, fixture);
            assertEquals(name, fixture.event().slug());
            assertEquals(Set.of(), VALIDATOR.validate(fixture.event()), name);
            if (fixture.program() != null) {
                assertEquals(Set.of(), VALIDATOR.validate(fixture.program()), name);
            }
            if (fixture.recurrence() != null) {
                assertEquals(Set.of(), VALIDATOR.validate(fixture.recurrence()), name);
            }
            assertFalse(fixture.assumptions().isEmpty(), name + " says what it assumed");
        }
        assertEquals(21, fixtures.get("effgenai-2024").program().sessions().size());
        assertTrue(fixtures.get("efficient-ml-systems-seminar-2025").recurrence() != null);
    }

    @Test
    void peopleAreNamedByTheirKeysIds() {
        DemoEvents.Fixture workshop = DemoEvents.fixture("effgenai-2024");
        assertEquals(DemoEvents.personId("luo-mai"), workshop.committee().get(0).members().get(0).person());
    }
}
