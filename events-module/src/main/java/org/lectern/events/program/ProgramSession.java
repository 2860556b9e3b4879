package org.lectern.events.program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.lectern.events.api.SessionView;

/** A block of the program, such as "Session 1: Compilers, Quantization and GenAI". */
@Entity
@Table(name = "EVT_SESSION")
public class ProgramSession {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "EVENT_ID")
    private Event event;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 40)
    private String kind;

    @Column(length = 200)
    private String room;

    @ElementCollection
    @CollectionTable(name = "EVT_SESSION_CHAIR", joinColumns = @JoinColumn(name = "SESSION_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "PERSON_ID", length = 36, nullable = false)
    private List<String> chairs = new ArrayList<>();

    @Column(name = "STARTS_AT", nullable = false)
    private LocalDateTime start;

    @Column(name = "ENDS_AT", nullable = false)
    private LocalDateTime end;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "POSITION")
    private List<ProgramItem> items = new ArrayList<>();

    protected ProgramSession() {
    }

    ProgramSession(Event event) {
        this(event, UUID.randomUUID());
    }

    ProgramSession(Event event, UUID id) {
        this.id = id.toString();
        this.event = event;
    }

    ProgramChange revise(SessionInput input, Instant now) {
        return revise(input, now, "");
    }

    /**
     * Replaces the session's fields and items with the input. Items that name an existing id are
     * revised in place, so they keep their identity (and calendar UID) and their sequence rises.
     * Items given only a duration start when the item before them ends.
     */
    ProgramChange revise(SessionInput input, Instant now, String prefix) {
        return revise(input, now, prefix, false);
    }

    /** @param adoptIds new items take the ids the input gives them (imports derive stable ids) */
    ProgramChange revise(SessionInput input, Instant now, String prefix, boolean adoptIds) {
        List<String> newChairs = input.chairsOrEmpty().stream().map(UUID::toString).distinct().toList();
        boolean sessionChanged = !input.title().strip().equals(title) || !Objects.equals(input.kind(), kind)
                || !Objects.equals(input.room(), room) || !input.start().equals(start) || !input.end().equals(end)
                || !newChairs.equals(chairs);
        Set<UUID> peopleBefore = people();
        this.title = input.title().strip();
        this.kind = input.kind();
        this.room = input.room();
        this.start = input.start();
        this.end = input.end();
        this.chairs.clear();
        this.chairs.addAll(newChairs);

        Map<UUID, ProgramItem> existing = items.stream().collect(Collectors.toMap(ProgramItem::id, Function.identity()));
        Set<UUID> changedItems = new HashSet<>();
        List<ProgramItem> revised = new ArrayList<>();
        List<SessionInput.ItemInput> inputs = input.itemsOrEmpty();
        LocalDateTime cursor = start;
        for (int i = 0; i < inputs.size(); i++) {
            SessionInput.ItemInput in = inputs.get(i);
            String field = prefix + "items[" + i + "]";
            LocalDateTime[] times = times(in, cursor, field);
            if (times[0].isBefore(start) || times[1].isAfter(end)) {
                throw new ProgramRuleViolation(field + ".start", "must lie within the session, " + start + " to " + end);
            }
            ProgramItem item = in.id() == null ? null : existing.remove(in.id());
            if (in.id() != null && item == null && !adoptIds) {
                throw new ProgramRuleViolation(field + ".id", "is not an item of this session");
            }
            if (item == null) {
                item = in.id() == null ? new ProgramItem(this) : new ProgramItem(this, in.id());
            }
            if (item.revise(in, times[0], times[1], field, now)) {
                changedItems.add(item.id());
            }
            revised.add(item);
            cursor = times[1];
        }
        changedItems.addAll(existing.keySet());
        items.clear();
        items.addAll(revised);

        Set<UUID> peopleAfter = people();
        Set<UUID> added = new HashSet<>(peopleAfter);
        added.removeAll(peopleBefore);
        Set<UUID> removed = new HashSet<>(peopleBefore);
        removed.removeAll(peopleAfter);
        return new ProgramChange(sessionChanged || !changedItems.isEmpty() ? Set.of(id()) : Set.of(), changedItems,
                added, removed, sessionChanged);
    }

    /**
     * The item's times: start and end as given; a start and a duration; or only a duration, the
     * item then starting when the one before it ends (or the session starts).
     */
    private static LocalDateTime[] times(SessionInput.ItemInput in, LocalDateTime cursor, String field) {
        if (in.end() != null && in.durationMinutes() != null) {
            throw new ProgramRuleViolation(field + ".durationMinutes", "give either an end or a duration, not both");
        }
        if (in.end() != null && in.start() == null) {
            throw new ProgramRuleViolation(field + ".start", "an item with an end needs a start");
        }
        if (in.start() == null && in.durationMinutes() == null) {
            throw new ProgramRuleViolation(field + ".start", "give start and end, or durationMinutes");
        }
        LocalDateTime start = in.start() != null ? in.start() : cursor;
        LocalDateTime end = in.end() != null ? in.end() : start.plusMinutes(in.durationMinutes());
        if (!end.isAfter(start) && !(in.end() == null && in.durationMinutes() == 0)) {
            throw new ProgramRuleViolation(field + ".end", "must be after start");
        }
        return new LocalDateTime[] {start, end};
    }

    /** The session as an input document, for changes of one item through the same rules. */
    SessionInput asInput() {
        return new SessionInput(id(), title, kind, room, chairs.stream().map(UUID::fromString).toList(), start, end,
                items.stream().map(ProgramItem::asInput).toList());
    }

    List<ProgramItem> itemsInOrder() {
        return List.copyOf(items);
    }

    /** Takes the person off the session's chairs and items; returns the ids of the items changed. */
    Set<UUID> removePerson(UUID personId, Instant now) {
        Set<UUID> changed = new HashSet<>();
        boolean chaired = chairs.remove(personId.toString());
        for (ProgramItem item : items) {
            if (item.removePerson(personId, now)) {
                changed.add(item.id());
            }
        }
        if (chaired && changed.isEmpty()) {
            changed.add(id());
        }
        return changed;
    }

    Set<UUID> people() {
        Set<UUID> people = new HashSet<>(chairs.stream().map(UUID::fromString).toList());
        items.forEach(i -> people.addAll(i.people()));
        return people;
    }

    Set<UUID> itemIds() {
        return items.stream().map(ProgramItem::id).collect(Collectors.toSet());
    }

    UUID id() {
        return UUID.fromString(id);
    }

    boolean belongsTo(Event event) {
        return this.event == event;
    }

    String title() {
        return title;
    }

    String room() {
        return room;
    }

    LocalDateTime start() {
        return start;
    }

    LocalDateTime end() {
        return end;
    }

    SessionView view(ZoneId zone) {
        return new SessionView(id(), title, kind, room, chairs.stream().map(UUID::fromString).toList(),
                start.atZone(zone), end.atZone(zone), items.stream().map(i -> i.view(zone)).toList());
    }
}
