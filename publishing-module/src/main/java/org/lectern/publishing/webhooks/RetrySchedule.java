package org.lectern.publishing.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a delivery again: up to {@code attempts} attempts in all, waiting {@code first}
 * after the first failure and twice as long after each further one, never longer than
 * {@code longest}. With the defaults (5 attempts, 1 s, 60 s) the waits are 1, 2, 4 and 8 s.
 */
record RetrySchedule(int attempts, Duration first, Duration longest) {

    RetrySchedule {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        if (first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry waits must be positive and the longest at least the first");
        }
    }

    /** The wait before the next attempt after {@code failed} failed ones; empty when none is left. */
    Optional<Duration> after(int failed) {
        if (failed < 1) {
            throw new IllegalArgumentException("no attempt failed yet");
        }
        if (failed >= attempts) {
            return Optional.empty();
        }
        // doubling, guarded against overflow for large attempt counts
        int doublings = Math.min(failed - 1, 30);
        long millis = first.toMillis() << doublings;
        if (millis < 0 || millis > longest.toMillis() || (first.toMillis() > 0 && millis >> doublings != first.toMillis())) {
            millis = longest.toMillis();
        }
        return Optional.of(Duration.ofMillis(millis));
    }
}
