package org.lectern.publishing.webhooks;

import java.util.List;

/**
 * What {@code GET /api/publishing/webhooks} shows: whether notices are sent, to which endpoints
 * (redacted), and how they are retried. The secret is never part of it.
 */
public record WebhookSettings(
        boolean enabled,
        List<Target> endpoints,
        int attempts,
        long firstRetryMillis,
        long longestRetryMillis,
        long connectTimeoutMillis,
        long readTimeoutMillis,
        int logSize) {

    public record Target(int endpoint, String target) {
    }
}
