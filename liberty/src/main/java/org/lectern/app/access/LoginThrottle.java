package org.lectern.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (a client address, or an address and account) in a sliding window: after
 * {@code maxFailures} failures within {@code window} a key is refused, without its password even
 * being checked, until its oldest failure leaves the window. A successful login does not wipe the
 * count (an attacker who also knows one valid account gains nothing). {@link #begin} counts an attempt
 * before its password is checked, so concurrent guesses cannot all pass the check before the first
 * failure is recorded. Plain class, so its rules are unit tested with a clock.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the client must wait before its next attempt; zero when it may try now. */
    public Duration waitFor(String client) {
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            if (times.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    /**
     * Counts an attempt for the key before its password is checked: answers the attempt (to pass to
     * {@link #succeeded} when the password was right), or empty with no count when the key must wait.
     */
    public java.util.Optional<Attempt> begin(String key) {
        prune();
        Deque<Instant> times = failures.computeIfAbsent(key, c -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            if (times.size() >= maxFailures) {
                return java.util.Optional.empty();
            }
            times.addLast(now);
            return java.util.Optional.of(new Attempt(key, now));
        }
    }

    /** The password was right: the attempt begun for it is not a failure. */
    public void succeeded(Attempt attempt) {
        Deque<Instant> times = failures.get(attempt.key());
        if (times != null) {
            synchronized (times) {
                times.removeLastOccurrence(attempt.at());
            }
        }
    }

    /** One attempt counted by {@link #begin}. */
    public record Attempt(String key, Instant at) {
    }

    public void failed(String client) {
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
        prune();
    }

    /** Many distinct keys: drop those whose failures have all left the window, so memory stays bounded. */
    private void prune() {
        if (failures.size() > 10_000) {
            Instant now = clock.instant();
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOld(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
