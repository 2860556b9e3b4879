package org.lectern.publishing.site;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/publishing/status} reports: how many batches were rendered, when the last
 * one ended and how long it took, what waits (events, people, a whole rebuild), and the lag: how
 * long the oldest change not yet on the site has waited (0 when the site is current).
 * {@code failuresInARow} and {@code lastFailure} are about whole batches (the database could not be
 * read); {@code failing} names each target that cannot be rendered at the moment while the rest of
 * the site is published (see {@link FailingTarget}).
 */
public record PublishingStatus(
        long renders,
        Instant lastRenderAt,
        long lastRenderMillis,
        boolean rendering,
        int pendingEvents,
        int pendingPeople,
        boolean rebuildPending,
        long lagMillis,
        int failuresInARow,
        String lastFailure,
        List<FailingTarget> failing) {
}
