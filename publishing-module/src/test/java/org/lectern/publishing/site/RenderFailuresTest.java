package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderFailuresTest {

    static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    final RenderTarget event = RenderTarget.event(UUID.randomUUID(), "poisoned");
    final List<LogRecord> logged = new ArrayList<>();
    final Logger logger = Logger.getLogger(RenderFailures.class.getName());
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    RenderReport.Failed failure() {
        return new RenderReport.Failed(event, "events/poisoned/calendar.ics", new NullPointerException("no VTIMEZONE"));
    }

    @Test
    void aFailingTargetBacksOffIsNamedAndLogsOnceWhenItFailsAndOnceWhenItRecovers() {
        RenderFailures failures = new RenderFailures();
        assertEquals(Duration.ofMillis(500), failures.failed(failure(), NOW));
        assertNull(failures.failed(failure(), NOW), "a retry is already scheduled: no second one");
        failures.retrying(event);
        assertEquals(Duration.ofMillis(2000), failures.failed(failure(), NOW), "the third failure waits four times as long");
        for (int i = 0; i < 20; i++) {
            failures.retrying(event);
            failures.failed(failure(), NOW);
        }
        failures.retrying(event);
        assertEquals(RenderFailures.LAST_RETRY, failures.failed(failure(), NOW), "the back-off stops growing");

        assertEquals(1, failures.count());
        FailingTarget named = failures.list().get(0);
        assertEquals("event", named.target());
        assertEquals(event.id(), named.id());
        assertEquals("poisoned", named.name());
        assertEquals("events/poisoned/calendar.ics", named.path());
        assertEquals("NullPointerException: no VTIMEZONE", named.error());
        assertEquals(24, named.attempts());
        assertEquals(1, logged.size(), "one line for 24 failed attempts");
        assertTrue(logged.get(0).getMessage().contains("events/poisoned/calendar.ics"), logged.get(0).getMessage());

        failures.rendered(RenderTarget.event(event.id(), "poisoned"));
        assertEquals(0, failures.count());
        assertEquals(2, logged.size());
        assertTrue(logged.get(1).getMessage().contains("recovered"), logged.get(1).getMessage());
        failures.rendered(event);
        assertEquals(2, logged.size(), "a target that was not failing does not recover");
    }
}
