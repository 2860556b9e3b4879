package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.events.demo.DemoEvents;

/** Every demo fixture passes the event's own rules, the way the demo loader applies it. */
class DemoFixturesRulesTest {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    static EventView apply(DemoEvents.Fixture fixture) {
        Event event = new Event(fixture.event(), NOW);
        if (fixture.program() != null) {
            event.replaceProgram(fixture.program(), NOW);
        }
        if (fixture.committee() != null) {
            event.replaceCommittee(fixture.committee(), NOW);
        }
        if (fixture.recurrence() != null) {
            event.setRecurrence(fixture.recurrence(), NOW);
        }
        for (DemoEvents.MeetingFixture m : fixture.meetings() == null ? List.<DemoEvents.MeetingFixture>of() : fixture.meetings()) {
            event.putMeeting(m.date(), new DetailInputs.MeetingInput(m.cancelled(), m.start(), m.end(), m.title(),
                    m.kind(), m.room(), m.speakers(), m.papers()), NOW);
        }
        return event.view();
    }

    @Test
    void theFourExampleEventsPassEveryRule() {
        EventView workshop = apply(DemoEvents.fixture("effgenai-2024"));
        assertEquals(27, workshop.items().size());
        EventView tutorial = apply(DemoEvents.fixture("genai-catalyst-asplos-2025"));
        assertEquals(List.of(LocalTime.of(9, 0), LocalTime.of(9, 10), LocalTime.of(10, 10), LocalTime.of(10, 40),
                LocalTime.of(12, 10)), tutorial.items().stream().map(i -> i.start().toLocalTime()).toList());
        EventView course = apply(DemoEvents.fixture("efficient-ml-systems-seminar-2025"));
        assertEquals(15, course.meetings().size());
        apply(DemoEvents.fixture("effgenai-call"));
    }
}
