package org.lectern.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address in a sliding window: after {@code maxFailures} failures within
 * {@code window} a client is refused, without its password even being checked, until its oldest
 * failure leaves the window. A successful login does not wipe the count (an attacker who also knows
 * one valid account gains nothing). Plain class, so its rules are unit tested with a clock.
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
        if (failures.size() > 10_000) {
            // many distinct clients: drop those whose failures have all expired, so memory stays bounded
            failures.entrySet().removeIf(e -> waitFor(e.getKey()).isZero());
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
