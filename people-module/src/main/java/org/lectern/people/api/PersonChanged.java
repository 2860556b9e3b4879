package org.lectern.people.api;

import java.time.Instant;
import java.util.UUID;

/** Sent on {@code lectern.people} after a person was created or updated. */
public record PersonChanged(UUID personId, long version, Kind kind, Instant occurredAt) {

    public static final String TYPE = "PersonChanged";
    public static final int SCHEMA_VERSION = 1;

    public enum Kind { CREATED, UPDATED }
}
