package org.lectern.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (a client address, or an address and account) in a sliding window: after
 * {@code maxFailures} failures within {@code window} a key is refused, without its password even
 * being checked, until its oldest failure leaves the window. A successful login does not wipe the
 * count (an attacker who also knows one valid account gains nothing). {@link #begin} counts an
 * attempt as pending before its password is checked, and no more attempts are pending than failures
 * are left, so concurrent guesses cannot all pass before the first failure is recorded; an attempt
 * that finds the places taken by pending ones waits (up to {@code patience}) for them to end, so
 * concurrent right passwords are slowed, not refused. Plain class, so its rules are unit tested.
 */
public final class LoginThrottle {

    /** The failures of one key within the window, and its attempts whose password is being checked. */
    private static final class Slot {
        final Deque<Instant> failures = new ArrayDeque<>();
        int pending;
    }

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Duration patience;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this(maxFailures, window, clock, Duration.ofSeconds(5));
    }

    public LoginThrottle(int maxFailures, Duration window, Clock clock, Duration patience) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.patience = patience;
    }

    /** How long the key must wait before its next attempt; zero when it may try now. */
    public Duration waitFor(String key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return Duration.ZERO;
        }
        synchronized (slot) {
            Instant now = clock.instant();
            forgetOld(slot, now);
            if (slot.failures.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(now, slot.failures.peekFirst().plus(window));
        }
    }

    /**
     * Counts an attempt for the key before its password is checked: answers the attempt (to end with
     * {@link #succeeded} or {@link #failed(Attempt)}), or empty when the key must wait.
     */
    public Optional<Attempt> begin(String key) {
        prune();
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (slot) {
            while (true) {
                forgetOld(slot, clock.instant());
                if (slot.failures.size() >= maxFailures) {
                    return Optional.empty();
                }
                if (slot.failures.size() + slot.pending < maxFailures) {
                    slot.pending++;
                    return Optional.of(new Attempt(key, slot));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    slot.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** The password was right: the attempt is no failure. */
    public void succeeded(Attempt attempt) {
        synchronized (attempt.slot()) {
            attempt.slot().pending--;
            attempt.slot().notifyAll();
        }
    }

    /** The password was wrong: the attempt is a failure. */
    public void failed(Attempt attempt) {
        synchronized (attempt.slot()) {
            attempt.slot().pending--;
            record(attempt.slot());
            attempt.slot().notifyAll();
        }
    }

    /** One attempt counted by {@link #begin}. */
    public record Attempt(String key, Slot slot) {
    }

    /** Records a failure for the key (an attempt not begun with {@link #begin}). */
    public void failed(String key) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            record(slot);
        }
        prune();
    }

    private void record(Slot slot) {
        Instant now = clock.instant();
        forgetOld(slot, now);
        slot.failures.addLast(now);
        while (slot.failures.size() > maxFailures) {
            slot.failures.removeFirst();
        }
    }

    /** Many distinct keys: drop those with no failure in the window and nothing pending, so memory stays bounded. */
    private void prune() {
        if (slots.size() > 10_000) {
            Instant now = clock.instant();
            slots.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOld(e.getValue(), now);
                    return e.getValue().failures.isEmpty() && e.getValue().pending == 0;
                }
            });
        }
    }

    private void forgetOld(Slot slot, Instant now) {
        Instant cutoff = now.minus(window);
        while (!slot.failures.isEmpty() && !slot.failures.peekFirst().isAfter(cutoff)) {
            slot.failures.removeFirst();
        }
    }
}
