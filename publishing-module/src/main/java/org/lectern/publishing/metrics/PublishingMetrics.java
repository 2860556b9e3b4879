package org.lectern.publishing.metrics;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.lectern.publishing.intake.DeadLetters;
import org.lectern.publishing.site.BatchRendered;
import org.lectern.publishing.site.RenderQueue;

/**
 * The publishing module's metrics on {@code /metrics} (MicroProfile Metrics, application scope):
 * <ul>
 * <li>{@code lectern.renders}: render batches that succeeded (the rebuild on start included);
 * <li>{@code lectern.files.written}: site files written with new bytes (unchanged ones are not);
 * <li>{@code lectern.publish.lag}: per batch, from the oldest change in it (the message's
 *     {@code occurredAt}) to its files being on disk;
 * <li>{@code lectern.dead.letters}: messages waiting on the dead-letter address (read from the
 *     broker at each scrape; NaN when the broker cannot be reached);
 * <li>{@code lectern.render.failures}: site targets (an event's files, a person's page and feed,
 *     the index) that cannot be rendered at the moment and are being retried; 0 when all is well.
 * </ul>
 * Messages consumed are counted where they are read ({@code intake.ConsumedMessages}).
 */
@ApplicationScoped
public class PublishingMetrics {

    static final String RENDERS = "lectern.renders";
    static final String FILES_WRITTEN = "lectern.files.written";
    static final String PUBLISH_LAG = "lectern.publish.lag";
    static final String DEAD_LETTERS = "lectern.dead.letters";
    static final String RENDER_FAILURES = "lectern.render.failures";

    @Inject
    MetricRegistry registry;

    @Inject
    DeadLetters deadLetters;

    @Inject
    RenderQueue queue;

    private Counter renders;
    private Counter filesWritten;
    private Timer publishLag;

    @PostConstruct
    void register() {
        renders = registry.counter(Metadata.builder().withName(RENDERS)
                .withDescription("Render batches of the published site").build());
        filesWritten = registry.counter(Metadata.builder().withName(FILES_WRITTEN)
                .withDescription("Site files written with new bytes").build());
        publishLag = registry.timer(Metadata.builder().withName(PUBLISH_LAG)
                .withDescription("From a change to its files on the site, per render batch").build());
        registry.gauge(Metadata.builder().withName(DEAD_LETTERS)
                .withDescription("Messages waiting on the dead-letter address").build(),
                this, PublishingMetrics::deadLetterCount);
        registry.gauge(Metadata.builder().withName(RENDER_FAILURES)
                .withDescription("Site targets that cannot be rendered at the moment (retried with back-off)").build(),
                this, metrics -> (double) metrics.queue.failingTargets());
    }

    /** Registers the metrics when the application starts, so they show before the first render. */
    void onStart(@Observes @Priority(500) @Initialized(ApplicationScoped.class) Object started) {
        // @PostConstruct has run by now
    }

    void rendered(@Observes BatchRendered batch) {
        renders.inc();
        filesWritten.inc(batch.filesWritten());
        if (batch.oldestChange() != null) {
            Duration lag = Duration.between(batch.oldestChange(), batch.finishedAt());
            publishLag.update(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private Double deadLetterCount() {
        try {
            return (double) deadLetters.count();
        } catch (JMSRuntimeException brokerUnreachable) {
            return Double.NaN;
        }
    }
}
