package org.lectern.publishing.site;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lectern.events.api.EventChanged;

/**
 * What is waiting to be rendered: the events that changed (with the sessions, items and people
 * each change named), the people whose profile changed, or the whole site; and the targets that
 * failed alone and are tried again ({@link RenderFailures}): a person's page and feed, the index.
 * Marks merge, so a
 * burst of a hundred changes to one event is one entry; rendering reads current state, so
 * rendering a merged entry once gives the same bytes as rendering each change in turn.
 * Not thread-safe: {@link Coalescer} guards it.
 */
final class DirtyTargets {

    /** One changed event: the union of what its changes named. */
    static final class EventMarks {
        boolean whole;
        /**
         * The newest version a message named (Long.MAX_VALUE once the event was deleted): a read
         * of the event older than this is a stale copy, made before the change reached the cache.
         */
        long version;
        final Set<UUID> sessionIds = new HashSet<>();
        final Set<UUID> itemIds = new HashSet<>();
        final Set<UUID> people = new HashSet<>();
    }

    private final Map<UUID, EventMarks> events = new HashMap<>();
    private final Set<UUID> people = new HashSet<>();
    /** People whose page and feed alone are rendered again (a retry; their profile did not change). */
    private final Set<UUID> personPages = new HashSet<>();
    private boolean index;
    private boolean everything;
    private Instant oldest;

    void mark(EventChanged change, Instant at) {
        EventMarks marks = events.computeIfAbsent(change.eventId(), id -> new EventMarks());
        // a change that names no session or item touched the event as a whole (title, status)
        marks.whole |= change.sessionIds().isEmpty() && change.itemIds().isEmpty();
        marks.sessionIds.addAll(change.sessionIds());
        marks.itemIds.addAll(change.itemIds());
        marks.people.addAll(change.peopleAdded());
        marks.people.addAll(change.peopleRemoved());
        marks.version = Math.max(marks.version,
                change.kind() == EventChanged.Kind.DELETED ? Long.MAX_VALUE : change.eventVersion());
        noteAge(at);
    }

    void markPerson(UUID personId, Instant at) {
        people.add(personId);
        noteAge(at);
    }

    /** An event whose own files failed: rendered again from a copy at least this new. */
    void markEventFiles(UUID eventId, long version, Instant at) {
        EventMarks marks = events.computeIfAbsent(eventId, id -> new EventMarks());
        marks.version = Math.max(marks.version, version);
        noteAge(at);
    }

    void markPersonPage(UUID personId, Instant at) {
        personPages.add(personId);
        noteAge(at);
    }

    void markIndex(Instant at) {
        index = true;
        noteAge(at);
    }

    void markEverything(Instant at) {
        everything = true;
        noteAge(at);
    }

    /** Adds another set of marks (work that failed and waits for another try). */
    void merge(DirtyTargets other) {
        other.events.forEach((id, theirs) -> {
            EventMarks ours = events.computeIfAbsent(id, key -> new EventMarks());
            ours.whole |= theirs.whole;
            ours.sessionIds.addAll(theirs.sessionIds);
            ours.itemIds.addAll(theirs.itemIds);
            ours.people.addAll(theirs.people);
            ours.version = Math.max(ours.version, theirs.version);
        });
        people.addAll(other.people);
        personPages.addAll(other.personPages);
        index |= other.index;
        everything |= other.everything;
        if (other.oldest != null) {
            noteAge(other.oldest);
        }
    }

    private void noteAge(Instant at) {
        if (oldest == null || at.isBefore(oldest)) {
            oldest = at;
        }
    }

    boolean isEmpty() {
        return events.isEmpty() && people.isEmpty() && personPages.isEmpty() && !index && !everything;
    }

    Map<UUID, EventMarks> events() {
        return events;
    }

    Set<UUID> people() {
        return people;
    }

    Set<UUID> personPages() {
        return personPages;
    }

    boolean index() {
        return index;
    }

    boolean everything() {
        return everything;
    }

    /** When the oldest mark in here was made; null when empty. */
    Instant oldest() {
        return oldest;
    }
}
