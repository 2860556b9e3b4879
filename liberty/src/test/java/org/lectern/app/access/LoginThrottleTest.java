package org.lectern.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void anAttemptCountsBeforeItsPasswordIsCheckedAndARightPasswordGivesItsPlaceBack() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock, Duration.ofMillis(50));
        LoginThrottle.Attempt first = throttle.begin("10.0.0.1 eve").orElseThrow();
        throttle.begin("10.0.0.1 eve").orElseThrow();
        throttle.begin("10.0.0.1 eve").orElseThrow();
        assertTrue(throttle.begin("10.0.0.1 eve").isEmpty(), "three attempts under way fill the limit");
        throttle.succeeded(first);
        assertTrue(throttle.begin("10.0.0.1 eve").isPresent(), "a right password was no failure");
        assertTrue(throttle.begin("10.0.0.1 admin").isPresent(), "another account from the same address goes on");
    }

    @Test
    void concurrentAttemptsGetNoMorePlacesThanTheLimit() throws Exception {
        LoginThrottle wide = new LoginThrottle(10, Duration.ofSeconds(60), clock, Duration.ofMillis(200));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tries.add(pool.submit(() -> {
                start.await();
                return wide.begin("10.0.0.9 admin").isPresent();
            }));
        }
        start.countDown();
        int admitted = 0;
        for (java.util.concurrent.Future<Boolean> t : tries) {
            admitted += t.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(10, admitted);
    }

    @Test
    void concurrentRightPasswordsWaitForAPlaceAndAreNotRefused() throws Exception {
        LoginThrottle wide = new LoginThrottle(10, Duration.ofSeconds(60), clock, Duration.ofSeconds(5));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> logins = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            logins.add(pool.submit(() -> {
                start.await();
                java.util.Optional<LoginThrottle.Attempt> attempt = wide.begin("10.0.0.8 admin");
                if (attempt.isEmpty()) {
                    return false;
                }
                Thread.sleep(2); // the password is checked
                wide.succeeded(attempt.get());
                return true;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<Boolean> login : logins) {
            assertTrue(login.get(), "a right password is never refused for others in flight");
        }
        pool.shutdown();
    }

    @Test
    void failedAttemptsFillTheLimitAndThenTheKeyWaits() {
        LoginThrottle.Attempt a = throttle.begin("10.0.0.7 eve").orElseThrow();
        LoginThrottle.Attempt b = throttle.begin("10.0.0.7 eve").orElseThrow();
        LoginThrottle.Attempt c = throttle.begin("10.0.0.7 eve").orElseThrow();
        throttle.failed(a);
        throttle.failed(b);
        throttle.failed(c);
        assertTrue(throttle.begin("10.0.0.7 eve").isEmpty());
        assertEquals(Duration.ofSeconds(60), throttle.waitFor("10.0.0.7 eve"));
    }
}
