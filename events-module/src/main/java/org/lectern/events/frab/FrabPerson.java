package org.lectern.events.frab;

import java.util.Objects;

/**
 * A speaker of a talk.
 *
 * @param id   the person's id (or pretalx code) in the source, or null if absent
 * @param guid the person's guid, or null if absent
 * @param name the public name, trimmed, never blank
 */
public record FrabPerson(String id, String guid, String name) {

    public FrabPerson {
        Objects.requireNonNull(name, "name");
    }
}
