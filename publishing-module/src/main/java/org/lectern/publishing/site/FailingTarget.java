package org.lectern.publishing.site;

import java.time.Instant;
import java.util.UUID;

/**
 * A target the publisher cannot render at the moment, as {@code GET /api/publishing/status} names it:
 * which event or person (or site file), the first file that failed, the error, since when, how many
 * attempts failed, and when it is tried next.
 */
public record FailingTarget(
        String target,
        UUID id,
        String name,
        String path,
        String error,
        Instant since,
        int attempts,
        Instant nextAttemptAt) {
}
