package org.lectern.people.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to the people module, sent on the queue {@code lectern.people.registrations}: make
 * sure these people exist, under these ids. Another module sends it in the same transaction as a
 * change that names them (a schedule import), so the people exist if and only if that change
 * commits. People that exist already are left as they are: organizers' edits win over imports.
 */
public record RegisterPeople(List<Person> people, String source, Instant occurredAt) {

    public static final String TYPE = "RegisterPeople";
    public static final int SCHEMA_VERSION = 1;

    public RegisterPeople {
        people = List.copyOf(people);
    }

    /** One person to register: a stable id (the sender derives it from its source), and a name. */
    public record Person(UUID id, String name) {
    }
}
