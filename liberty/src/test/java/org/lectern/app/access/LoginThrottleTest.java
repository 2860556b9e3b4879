package org.lectern.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final HandClock clock = new HandClock();
    final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);

    @Test
    void aClientMayFailUpToTheLimitThenWaitsUntilItsOldestFailureLeavesTheWindow() {
        throttle.failed("10.0.0.1");
        clock.now = clock.now.plusSeconds(10);
        throttle.failed("10.0.0.1");
        assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.1"));
        throttle.failed("10.0.0.1");

        assertEquals(Duration.ofSeconds(50), throttle.waitFor("10.0.0.1"));
        clock.now = clock.now.plusSeconds(50);
        assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.1"), "the first failure has left the window");
    }

    @Test
    void otherClientsAreNotAffected() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(60), throttle.waitFor("10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.2"));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        clock.now = clock.now.plusSeconds(61);
        throttle.failed("10.0.0.1");
        assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.1"));
    }
}
