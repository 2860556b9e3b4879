package org.lectern.publishing.site;

import java.time.Instant;

/**
 * Fired (CDI) after every render batch that succeeded, whether or not it changed a byte: for the
 * metrics. {@code oldestChange} is when the oldest change in the batch happened (null for the
 * rebuild on start), so {@code finishedAt - oldestChange} is the publish lag.
 */
public record BatchRendered(Instant oldestChange, Instant finishedAt, int filesWritten, int filesRemoved) {
}
