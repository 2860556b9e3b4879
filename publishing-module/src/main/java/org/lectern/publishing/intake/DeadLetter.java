package org.lectern.publishing.intake;

import java.time.Instant;

/**
 * A message on the dead-letter address as {@code GET /api/publishing/dead-letters} shows it: its
 * id (for a replay), where it was going (the address and the subscription queue that gave up on
 * it), its type, schema version and aggregate, when it was sent, why this module cannot read it
 * (or that it can now, when it failed for another reason) and the first characters of its body.
 */
public record DeadLetter(
        String id,
        String originalAddress,
        String originalQueue,
        String type,
        String schemaVersion,
        String aggregateId,
        String occurredAt,
        Instant sentAt,
        String problem,
        String bodyStart) {
}
