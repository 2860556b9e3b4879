package org.lectern.publishing.frab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.publishing.calendar.CalendarFeed;

/**
 * The server's default time zone changes no published byte: schedule.xml, schedule.json and the
 * feed of events in London, Chicago and Kolkata come out the same whether the JVM runs in UTC, in
 * Pacific/Auckland (a day ahead, DST in the southern summer) or in America/Los_Angeles. (Every time
 * is the event's own or UTC; a renderer reaching for the default zone shows here.)
 */
class DefaultZoneTest {

    static final List<String> SERVER_ZONES = List.of("Pacific/Auckland", "America/Los_Angeles");

    @Test
    void exportsAndFeedsAreTheSameInAnyDefaultZone() {
        for (EventView event : List.of(TestEvents.london(), TestEvents.chicago(), TestEvents.inZone(ZoneId.of("Asia/Kolkata")))) {
            assertSameInEveryZone(event.slug() + " schedule.xml", () -> ScheduleExport.xml(event, TestEvents.people(), TestEvents.PAGE));
            assertSameInEveryZone(event.slug() + " schedule.json", () -> ScheduleExport.json(event, TestEvents.people(), TestEvents.PAGE));
            assertSameInEveryZone(event.slug() + " calendar.ics",
                    () -> CalendarFeed.forEvent(event, TestEvents.people(), TestEvents.PAGE, "events.example.org"));
        }
    }

    private static void assertSameInEveryZone(String what, Supplier<byte[]> render) {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            byte[] inUtc = render.get();
            for (String zone : SERVER_ZONES) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertArrayEquals(inUtc, render.get(), what + " on a server in " + zone);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
