package org.lectern.events.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Sends what the {@link Outbox} holds, on one managed thread at a time: woken by every commit that
 * wrote a message, and every {@link #SWEEP} in any case, for messages left by a failed attempt
 * (broker down), a stopped server, or another server. While the relay works, the wakes it gets
 * only ask for one more round, so a burst of changes is sent in a few large batches.
 * <p>
 * Messages leave in the order they were written, mostly: several servers relaying at once, or a
 * change that commits after a younger one, can reorder them. Consumers do not mind (they read the
 * current state that a message names), nor about a message sent twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    static final Duration SWEEP = Duration.ofSeconds(2);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean failing;

    void start(@Observes @Priority(200) @Initialized(ApplicationScoped.class) Object started) {
        scheduler.scheduleWithFixedDelay(this::wake, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a round; starts one unless one runs, which then makes another. */
    public void wake() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::rounds);
            } catch (RuntimeException e) {
                running.set(false);
                LOG.log(Level.WARNING, "The outbox relay could not start a round; the next sweep tries again", e);
            }
        }
    }

    private void rounds() {
        boolean failed = false;
        try {
            while (wanted.getAndSet(false)) {
                while (batch.relayOldest() == OutboxBatch.SIZE) {
                    // a full batch: more may wait
                }
            }
            if (failing) {
                failing = false;
                LOG.info("The outbox relay sends again");
            }
        } catch (Exception e) {
            failed = true;
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "The outbox relay could not send; the messages wait in EVT_OUTBOX and it tries again every "
                        + SWEEP.toSeconds() + " s", e);
            }
        } finally {
            running.set(false);
        }
        // a wake that came after the last look; after a failure the sweep tries again instead
        if (!failed && wanted.get()) {
            wake();
        }
    }
}
