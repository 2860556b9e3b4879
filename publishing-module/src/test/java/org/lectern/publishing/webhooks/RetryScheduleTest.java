package org.lectern.publishing.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void fiveAttemptsWaitOneTwoFourAndEightSeconds() {
        RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)),
                waits(schedule));
    }

    @Test
    void theWaitStopsGrowingAtTheLongest() {
        RetrySchedule schedule = new RetrySchedule(7, Duration.ofMillis(500), Duration.ofSeconds(3));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(3)), waits(schedule));
    }

    @Test
    void manyAttemptsDoNotOverflow() {
        RetrySchedule schedule = new RetrySchedule(1000, Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertEquals(Optional.of(Duration.ofMinutes(5)), schedule.after(70));
        assertEquals(Optional.of(Duration.ofMinutes(5)), schedule.after(999));
        assertEquals(Optional.empty(), schedule.after(1000));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertEquals(Optional.empty(), new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).after(1));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ofSeconds(1), Duration.ofSeconds(1)).after(0));
    }

    private static List<Duration> waits(RetrySchedule schedule) {
        List<Duration> waits = new ArrayList<>();
        for (int failed = 1; ; failed++) {
            Optional<Duration> wait = schedule.after(failed);
            if (wait.isEmpty()) {
                return waits;
            }
            waits.add(wait.get());
        }
    }
}
