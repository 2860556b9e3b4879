package org.lectern.publishing.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.events.api.EventChanged;

/**
 * Where the message listeners and the admin API put publishing work. A listener marks what a
 * message names and returns, so the broker's delivery ends at once; the marks are rendered in
 * batches on a managed thread (see {@link Coalescer}). Marks live in memory: a crash loses the
 * ones not yet rendered, and the rebuild on start ({@link SiteRecovery}) renders them.
 */
@ApplicationScoped
public class RenderQueue {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SitePublisher publisher;

    @Inject
    SiteDirectory site;

    @Inject
    Event<SitePublished> published;

    @Inject
    Event<BatchRendered> rendered;

    @Inject
    @ConfigProperty(name = "lectern.publish.spacing.ms", defaultValue = "100")
    long spacingMillis;

    private Coalescer coalescer;

    /** Targets that failed alone; each is retried on its own schedule. */
    private final RenderFailures failures = new RenderFailures();

    @PostConstruct
    void start() {
        coalescer = new Coalescer(scheduler, this::render, Clock.systemUTC(), Duration.ofMillis(spacingMillis));
    }

    /**
     * Renders a batch, then tells observers (metrics, webhooks) what changed on the site, if anything.
     * The targets that failed alone are retried after their back-off; the others are current.
     */
    private void render(DirtyTargets batch) {
        RenderReport report = publisher.publish(batch);
        report.succeeded().forEach(failures::rendered);
        Instant now = Instant.now();
        for (RenderReport.Failed failed : report.failures()) {
            Duration backoff = failures.failed(failed, now);
            if (backoff != null) {
                scheduleRetry(failed.target(), versionIn(batch, failed.target()), backoff);
            }
        }
        announceChanges(batch.oldest());
    }

    private static long versionIn(DirtyTargets batch, RenderTarget target) {
        DirtyTargets.EventMarks marks = target.id() == null ? null : batch.events().get(target.id());
        return marks == null ? 0 : marks.version;
    }

    /** Marks the failed target alone for another try once its back-off has passed. */
    private void scheduleRetry(RenderTarget target, long version, Duration backoff) {
        Runnable retry = () -> {
            failures.retrying(target);
            Instant at = Instant.now();
            switch (target.kind()) {
                case "event" -> {
                    if (target.id() != null) {
                        coalescer.mark(work -> work.markEventFiles(target.id(), version, at));
                    } else {
                        // a folder of an event that went, whose id is not known: the rebuild's pruning
                        coalescer.mark(work -> work.markEverything(at));
                    }
                }
                case "person" -> {
                    if (target.id() != null) {
                        coalescer.mark(work -> work.markPersonPage(target.id(), at));
                    } else {
                        coalescer.mark(work -> work.markEverything(at));
                    }
                }
                default -> coalescer.mark(work -> work.markIndex(at));
            }
        };
        try {
            scheduler.schedule(retry, backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: the rebuild on the next start renders the target again
            failures.retrying(target);
        }
    }

    private void announceChanges(Instant oldestChange) {
        SitePublished changes = site.takeChanges(Instant.now());
        rendered.fire(new BatchRendered(oldestChange, changes.at(), changes.written().size(), changes.removed().size()));
        if (!changes.written().isEmpty() || !changes.removed().isEmpty()) {
            published.fire(changes);
        }
    }

    public void eventChanged(EventChanged change) {
        Instant at = change.occurredAt() == null ? Instant.now() : change.occurredAt();
        coalescer.mark(work -> work.mark(change, at));
    }

    public void personChanged(UUID personId) {
        coalescer.mark(work -> work.markPerson(personId, Instant.now()));
    }

    /** Renders the whole site again (every page, feed and export), in the next batch. */
    public void rebuild() {
        coalescer.mark(work -> work.markEverything(Instant.now()));
    }

    public PublishingStatus status() {
        return coalescer.status(failures.list());
    }

    /** How many targets are failing at the moment (the {@code lectern_render_failures} gauge). */
    public int failingTargets() {
        return failures.count();
    }
}
