package org.lectern.events.frab;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One talk (a frab "event") of a schedule. Optional text is null rather than empty.
 *
 * @param id       the talk id from the file (frab ids are only unique per source, merged files repeat them)
 * @param guid     the talk's guid, or null if absent
 * @param start    when the talk starts, with the offset the file gave or the conference zone's offset
 * @param duration how long it lasts, zero if the file says 00:00
 * @param title    never null: the file's title, else its slug, else its id
 */
public record FrabTalk(String id, String guid, OffsetDateTime start, Duration duration,
        String room, String track, String type, String language, String title, String subtitle,
        String abstractText, String description, String slug, String url, List<FrabPerson> persons) {

    public FrabTalk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(title, "title");
        persons = List.copyOf(persons);
    }
}
