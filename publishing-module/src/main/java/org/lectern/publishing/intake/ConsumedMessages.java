package org.lectern.publishing.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the messages the publishing module read and marked, by topic: the metric
 * {@code lectern.messages.consumed} ({@code lectern_messages_consumed_total} on /metrics). A
 * delivery that fails is not counted; its retries and dead letter show elsewhere.
 */
@ApplicationScoped
public class ConsumedMessages {

    static final String METRIC = "lectern.messages.consumed";

    @Inject
    MetricRegistry registry;

    void count(String topic) {
        registry.counter(METRIC, new Tag("topic", topic)).inc();
    }
}
