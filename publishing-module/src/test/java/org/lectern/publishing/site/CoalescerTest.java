package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventChanged;
import org.lectern.events.api.EventChanged.Kind;

/** The batching of publishing work, on a real scheduler thread. */
class CoalescerTest {

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<DirtyTargets> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aSingleChangeIsRenderedAtOnce() throws Exception {
        CountDownLatch rendered = new CountDownLatch(1);
        Coalescer coalescer = coalescer(batch -> {
            batches.add(batch);
            rendered.countDown();
        }, Duration.ofSeconds(10));
        UUID event = UUID.randomUUID();
        coalescer.mark(work -> work.mark(itemChange(event, UUID.randomUUID()), Instant.now()));
        // a spacing of 10 s does not delay the first batch after a quiet spell
        assertTrue(rendered.await(5, TimeUnit.SECONDS));
        assertEquals(Set.of(event), batches.get(0).events().keySet());
    }

    @Test
    void changesArrivingDuringARenderGoOutAsOneBatchWithEverythingTheyNamed() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Coalescer coalescer = coalescer(batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            } else {
                secondDone.countDown();
            }
        }, Duration.ZERO);
        UUID event = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        coalescer.mark(work -> work.mark(itemChange(event, UUID.randomUUID()), Instant.now()));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));

        Set<UUID> items = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            UUID item = UUID.randomUUID();
            items.add(item);
            coalescer.mark(work -> work.mark(itemChange(event, item), Instant.now()));
        }
        coalescer.mark(work -> work.markPerson(person, Instant.now()));
        PublishingStatus waiting = coalescer.status();
        assertTrue(waiting.rendering());
        assertEquals(1, waiting.pendingEvents());
        assertEquals(1, waiting.pendingPeople());

        releaseFirst.countDown();
        assertTrue(secondDone.await(5, TimeUnit.SECONDS));
        Thread.sleep(200); // nothing further may follow: everything was in the second batch
        assertEquals(2, batches.size());
        DirtyTargets second = batches.get(1);
        assertEquals(items, second.events().get(event).itemIds);
        assertEquals(Set.of(person), second.people());
        PublishingStatus done = awaitStatus(coalescer, s -> s.renders() == 2);
        assertEquals(0, done.lagMillis());
        assertEquals(0, done.pendingEvents());
    }

    @Test
    void aFailedBatchIsKeptAndTriedAgainWithNewerMarks() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch succeeded = new CountDownLatch(1);
        Coalescer coalescer = coalescer(batch -> {
            if (attempts.incrementAndGet() == 1) {
                failed.countDown();
                throw new IllegalStateException("database down");
            }
            batches.add(batch);
            succeeded.countDown();
        }, Duration.ZERO);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        coalescer.mark(work -> work.mark(itemChange(first, UUID.randomUUID()), Instant.now()));
        assertTrue(failed.await(5, TimeUnit.SECONDS));
        PublishingStatus afterFailure = awaitStatus(coalescer, s -> s.failuresInARow() > 0);
        assertEquals(1, afterFailure.failuresInARow());
        assertTrue(afterFailure.lastFailure().contains("database down"), afterFailure.lastFailure());
        assertEquals(1, afterFailure.pendingEvents());
        coalescer.mark(work -> work.mark(itemChange(second, UUID.randomUUID()), Instant.now()));

        assertTrue(succeeded.await(10, TimeUnit.SECONDS)); // the first retry comes after 100 ms
        assertEquals(Set.of(first, second), batches.get(0).events().keySet());
        assertEquals(0, awaitStatus(coalescer, s -> s.renders() == 1).failuresInARow());
    }

    @Test
    void lagIsTheAgeOfTheOldestChangeNotYetRendered() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Coalescer coalescer = coalescer(batch -> {
            started.countDown();
            await(hold);
        }, Duration.ZERO);
        coalescer.mark(work -> work.mark(itemChange(UUID.randomUUID(), UUID.randomUUID()),
                Instant.now().minusSeconds(5)));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        long lag = coalescer.status().lagMillis();
        hold.countDown();
        assertTrue(lag >= 5000 && lag < 60_000, "lag " + lag);
    }

    @Test
    void aBurstWidensTheSpacingUpToEightfoldAndABatchOfOneChangeNarrowsItAgain() throws Exception {
        // the clock stands still, so each wait the coalescer asks for is exactly its spacing then
        List<Long> waits = new CopyOnWriteArrayList<>();
        ScheduledThreadPoolExecutor recording = recordingWaits(waits);
        Semaphore started = new Semaphore(0);
        Semaphore release = new Semaphore(0);
        Coalescer coalescer = new Coalescer(recording, batch -> {
            batches.add(batch);
            started.release();
            try {
                release.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Clock.fixed(Instant.parse("2026-06-24T10:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(10));
        UUID event = UUID.randomUUID();
        try {
            // while each batch renders, two more changes arrive: five batches of a burst, then one change
            renderBatches(coalescer, event, started, release, 2, 2, 2, 2, 2, 1, 1);
            // the first batch at once; then 10 ms, doubling while batches gather two changes, at
            // most 80 ms; after the batch of one change, 10 ms again
            assertEquals(List.of(0L, 10L, 20L, 40L, 80L, 80L, 80L, 10L), waits);
        } finally {
            release.release(10);
            recording.shutdownNow();
        }
    }

    @Test
    void inABurstASlowRenderGetsAtMostAThirdOfTheTime() throws Exception {
        // each render takes 300 ms on this clock; the spacing (10 ms, at most 80 ms) is far shorter
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-24T10:00:00Z"));
        Clock clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now.get(); }
        };
        List<Long> waits = new CopyOnWriteArrayList<>();
        ScheduledThreadPoolExecutor recording = recordingWaits(waits);
        Semaphore started = new Semaphore(0);
        Semaphore release = new Semaphore(0);
        Coalescer coalescer = new Coalescer(recording, batch -> {
            started.release();
            try {
                release.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.updateAndGet(t -> t.plusMillis(300));
        }, clock, Duration.ofMillis(10));
        UUID event = UUID.randomUUID();
        try {
            renderBatches(coalescer, event, started, release, 2, 2, 1, 1);
            // the first batch at once, and the second (the first held one change; its 10 ms spacing
            // passed while it rendered); in the burst, twice the 300 ms the batch before took; after
            // a batch of one change, the spacing alone again
            assertEquals(List.of(0L, 0L, 600L, 600L, 0L), waits);
        } finally {
            release.release(10);
            recording.shutdownNow();
        }
    }

    /**
     * One change, then for each batch as it renders (the renderer signals {@code started} and waits
     * for {@code release}) the given number of further changes; then the last batch is let go.
     */
    private static void renderBatches(Coalescer coalescer, UUID event, Semaphore started, Semaphore release,
                                      int... marksWhileRendering) throws InterruptedException {
        coalescer.mark(work -> work.mark(itemChange(event, UUID.randomUUID()), Instant.now()));
        for (int marks : marksWhileRendering) {
            assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));
            for (int m = 0; m < marks; m++) {
                coalescer.mark(work -> work.mark(itemChange(event, UUID.randomUUID()), Instant.now()));
            }
            release.release();
        }
        assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));
        release.release();
    }

    /** A scheduler that runs each task at once and notes the wait it was asked for. */
    private static ScheduledThreadPoolExecutor recordingWaits(List<Long> waits) {
        return new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                waits.add(unit.toMillis(delay));
                return super.schedule(command, 0, unit);
            }
        };
    }

    private Coalescer coalescer(Consumer<DirtyTargets> renderer, Duration spacing) {
        return new Coalescer(scheduler, renderer, Clock.systemUTC(), spacing);
    }

    private static EventChanged itemChange(UUID event, UUID item) {
        return new EventChanged(event, 2, Kind.UPDATED, Set.of(), Set.of(item), Set.of(), Set.of(), Instant.now());
    }

    /** The status once it satisfies the condition (the renderer's thread updates it after the batch). */
    private static PublishingStatus awaitStatus(Coalescer coalescer, Predicate<PublishingStatus> condition)
            throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            PublishingStatus status = coalescer.status();
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("status never reached the expected state: " + coalescer.status());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
