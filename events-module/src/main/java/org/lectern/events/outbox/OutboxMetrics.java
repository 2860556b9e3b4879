package org.lectern.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * What waits in the outbox, on {@code /metrics}, read from the table at each scrape:
 * <ul>
 * <li>{@code lectern.outbox.waiting}: messages written by committed changes and not yet sent;</li>
 * <li>{@code lectern.outbox.oldest.age}: how long the oldest of them has waited (0 when none).</li>
 * </ul>
 * Both stay near 0 while the broker takes messages; they grow while it is down (the changes are
 * kept and sent when it returns), which is what an operator alerts on. NaN when the database
 * cannot be read.
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String WAITING = "lectern.outbox.waiting";
    static final String OLDEST_AGE = "lectern.outbox.oldest.age";

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Inject
    MetricRegistry registry;

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName(WAITING)
                .withDescription("Event messages written by committed changes and not yet sent to the broker").build(),
                this, OutboxMetrics::waiting);
        registry.gauge(Metadata.builder().withName(OLDEST_AGE).withUnit(MetricUnits.SECONDS)
                .withDescription("How long the oldest message in the outbox has waited").build(),
                this, OutboxMetrics::oldestAge);
    }

    /** Registers the gauges when the application starts, so they show before the first change. */
    void onStart(@Observes @Priority(500) @Initialized(ApplicationScoped.class) Object started) {
        // @PostConstruct has run by now
    }

    private Double waiting() {
        try {
            return em.createQuery("select count(m) from OutboxMessage m", Long.class).getSingleResult().doubleValue();
        } catch (PersistenceException databaseUnreadable) {
            return Double.NaN;
        }
    }

    private Double oldestAge() {
        try {
            List<Instant> oldest = em.createQuery("select m.occurredAt from OutboxMessage m order by m.id", Instant.class)
                    .setMaxResults(1)
                    .getResultList();
            return oldest.isEmpty() ? 0.0 : Math.max(0, Duration.between(oldest.get(0), Instant.now()).toMillis() / 1000.0);
        } catch (PersistenceException databaseUnreadable) {
            return Double.NaN;
        }
    }
}
