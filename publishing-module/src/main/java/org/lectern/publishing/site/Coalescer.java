package org.lectern.publishing.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gathers marks and hands them to the renderer in batches, one batch at a time. The first mark
 * after a quiet spell is rendered at once (a single change is on the site as fast as it renders);
 * marks that arrive while a batch renders, or sooner than {@code spacing} after the last batch
 * began, wait and go out together as the next batch. So a burst of changes renders each dirty
 * target about once per spacing, and the last batch always reads the state after the last change.
 * While a burst goes on (each batch gathered more than one mark) the spacing doubles with every
 * batch, up to {@value #WIDEST} times the configured one, so a minute of edits renders a big
 * program a few dozen times rather than hundreds; a batch of a single mark sets it back. Changes
 * made one at a time never wait for it. During a burst, too, a batch waits at least
 * {@value #REST} times as long as the one before took to render: a big program's render (a
 * 1,351-item conference takes a third of a second of CPU) then gets at most a third of the time,
 * and the editors' changes the rest. The price: a change made just after a burst waits out that
 * rest (for such a program about a second, where it waited up to 0.8 s before).
 * <p>
 * A batch that fails is kept, merged with newer marks, and tried again after a back-off (100 ms,
 * doubling up to 30 s): a lock conflict with an editor (Derby picks the render as the deadlock
 * victim now and then) costs a tenth of a second, and a database outage delays the site but loses
 * nothing. Only a failure to read the data fails a batch: a file that cannot be rendered fails
 * alone, and the renderer retries it on its own ({@link RenderFailures}).
 */
final class Coalescer {

    private static final Logger LOG = Logger.getLogger(Coalescer.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** The widest spacing in a burst, as a multiple of the configured one. */
    static final int WIDEST = 8;
    /** In a burst, the least rest after a batch, as a multiple of the time it took. */
    static final int REST = 2;

    private final ScheduledExecutorService scheduler;
    private final Consumer<DirtyTargets> renderer;
    private final Clock clock;
    private final Duration spacing;

    // all guarded by this
    private DirtyTargets pending = new DirtyTargets();
    private DirtyTargets inFlight;
    private boolean scheduled;
    private Instant lastBatchBegan = Instant.EPOCH;
    private int pendingMarks;
    private long widening = 1;
    private long batches;
    private Instant lastBatchEnded;
    private long lastBatchMillis;
    private int failuresInARow;
    private String lastFailure;

    Coalescer(ScheduledExecutorService scheduler, Consumer<DirtyTargets> renderer, Clock clock, Duration spacing) {
        this.scheduler = scheduler;
        this.renderer = renderer;
        this.clock = clock;
        this.spacing = spacing;
    }

    /** Records a mark (called from message listeners; returns at once). */
    synchronized void mark(Consumer<DirtyTargets> marking) {
        marking.accept(pending);
        pendingMarks++;
        scheduleIfIdle();
    }

    private void scheduleIfIdle() {
        if (scheduled || pending.isEmpty()) {
            return;
        }
        Instant due = lastBatchBegan.plus(spacing.multipliedBy(widening));
        if (widening > 1 && lastBatchEnded != null && lastBatchEnded.isAfter(lastBatchBegan)) {
            Instant rested = lastBatchEnded.plus(Duration.between(lastBatchBegan, lastBatchEnded).multipliedBy(REST));
            due = rested.isAfter(due) ? rested : due;
        }
        long wait = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        try {
            scheduler.schedule(this::renderBatch, wait, TimeUnit.MILLISECONDS);
            scheduled = true;
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: the marks are lost with it, and the rebuild on start covers them
            LOG.info("Rendering not scheduled, the server is stopping; the next start rebuilds the site");
        }
    }

    private void renderBatch() {
        DirtyTargets batch;
        synchronized (this) {
            batch = pending;
            pending = new DirtyTargets();
            inFlight = batch;
            lastBatchBegan = clock.instant();
            // a burst: this batch gathered several marks, so the next one waits longer
            widening = pendingMarks > 1 ? Math.min(WIDEST, widening * 2) : 1;
            pendingMarks = 0;
        }
        long began = System.nanoTime();
        RuntimeException failure = null;
        try {
            renderer.accept(batch);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (this) {
                inFlight = null;
                if (failure == null) {
                    batches++;
                    lastBatchEnded = clock.instant();
                    lastBatchMillis = (System.nanoTime() - began) / 1_000_000;
                    failuresInARow = 0;
                    lastFailure = null;
                    scheduled = false;
                    scheduleIfIdle();
                } else {
                    retryLater(batch, failure);
                }
            }
        }
    }

    /** Called with the lock held: the failed batch goes back in front of the newer marks. */
    private void retryLater(DirtyTargets batch, RuntimeException failure) {
        failuresInARow++;
        lastFailure = failure.toString();
        batch.merge(pending);
        pending = batch;
        pendingMarks++;
        long backoff = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failuresInARow - 1, 5));
        LOG.log(Level.WARNING, failure, () -> "Rendering failed (" + failuresInARow + " in a row); trying again in "
                + backoff + " ms");
        try {
            scheduler.schedule(this::renderBatch, backoff, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            scheduled = false;
        }
    }

    PublishingStatus status() {
        return status(java.util.List.of());
    }

    /** The status, with the targets failing alone as the caller knows them. */
    synchronized PublishingStatus status(java.util.List<FailingTarget> failing) {
        Instant now = clock.instant();
        Instant oldest = pending.oldest();
        if (inFlight != null && inFlight.oldest() != null && (oldest == null || inFlight.oldest().isBefore(oldest))) {
            oldest = inFlight.oldest();
        }
        return new PublishingStatus(batches, lastBatchEnded, lastBatchMillis, inFlight != null,
                pending.events().size(), pending.people().size(), pending.everything(),
                oldest == null ? 0 : Duration.between(oldest, now).toMillis(), failuresInARow, lastFailure, failing);
    }
}
