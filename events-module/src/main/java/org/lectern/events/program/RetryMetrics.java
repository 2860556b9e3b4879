package org.lectern.events.program;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Shows {@code lectern_changes_retried_total} for both reasons from the start, at 0, so that "no
 * change was made again" reads as 0 on /metrics rather than as a missing metric (which a dashboard,
 * or a test, cannot tell from a renamed one).
 */
@ApplicationScoped
public class RetryMetrics {

    @Inject
    MetricRegistry metrics;

    void onStart(@Observes @Priority(500) @Initialized(ApplicationScoped.class) Object started) {
        for (String reason : new String[] {"conflict", "deadlock"}) {
            metrics.counter(UnconditionalRetry.RETRIED, new Tag("reason", reason));
        }
    }
}
