package org.lectern.people.api;

import java.time.Instant;
import java.util.UUID;

/** Sent on {@code lectern.people} after a person was deleted. */
public record PersonRemoved(UUID personId, long version, Instant occurredAt) {

    public static final String TYPE = "PersonRemoved";
    public static final int SCHEMA_VERSION = 1;
}
