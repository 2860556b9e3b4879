package org.lectern.publishing.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

    @PostConstruct
    void start() {
        coalescer = new Coalescer(scheduler, this::render, Clock.systemUTC(), Duration.ofMillis(spacingMillis));
    }

    /** Renders a batch, then tells observers (metrics, webhooks) what changed on the site, if anything. */
    private void render(DirtyTargets batch) {
        publisher.publish(batch);
        announceChanges(batch.oldest());
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
        return coalescer.status();
    }
}
