package org.lectern.events.program;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.lectern.events.api.ItemView;

/** A talk, keynote, panel, break... in a session. */
@Entity
@Table(name = "EVT_ITEM")
public class ProgramItem {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "SESSION_ID")
    private ProgramSession session;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ItemKind kind;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "STARTS_AT", nullable = false)
    private LocalDateTime start;

    @Column(name = "ENDS_AT", nullable = false)
    private LocalDateTime end;

    /** The organizer gave only a duration: the start follows the item before. */
    @Column(nullable = false)
    private boolean durationOnly;

    @ElementCollection
    @CollectionTable(name = "EVT_ITEM_SPEAKER", joinColumns = @JoinColumn(name = "ITEM_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "PERSON_ID", length = 36, nullable = false)
    private List<String> speakers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_ITEM_MODERATOR", joinColumns = @JoinColumn(name = "ITEM_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "PERSON_ID", length = 36, nullable = false)
    private List<String> moderators = new ArrayList<>();

    /** Shown as "speaker to be announced": set when a speaker was removed, or by the organizer. */
    @Column(nullable = false)
    private boolean speakerToBeAnnounced;

    @Lob
    private String abstractText;

    @Column(length = 2000)
    private String slidesUrl;

    @Column(length = 2000)
    private String recordingUrl;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(length = 200)
    private String track;

    /** Rises with every change, for the iCalendar SEQUENCE of this item. */
    @Column(nullable = false)
    private int sequence;

    @Column(nullable = false)
    private Instant lastModified;

    protected ProgramItem() {
    }

    ProgramItem(ProgramSession session) {
        this(session, UUID.randomUUID());
    }

    ProgramItem(ProgramSession session, UUID id) {
        this.id = id.toString();
        this.session = session;
        this.sequence = -1;
    }

    /** Applies the input at the given times; returns whether anything changed (and so the sequence rose). */
    boolean revise(SessionInput.ItemInput in, LocalDateTime newStart, LocalDateTime newEnd, String field, Instant now) {
        ItemKind newKind = Kinds.parse(field + ".kind", in.kind(), ItemKind.class, null);
        List<String> newSpeakers = in.speakersOrEmpty().stream().map(UUID::toString).distinct().toList();
        List<String> newModerators = in.moderatorsOrEmpty().stream().map(UUID::toString).distinct().toList();
        String newTitle = in.title().strip();
        boolean newDurationOnly = in.start() == null;
        boolean changed = sequence < 0
                || newKind != kind
                || !newTitle.equals(title)
                || !newStart.equals(start)
                || !newEnd.equals(end)
                || newDurationOnly != durationOnly
                || !newSpeakers.equals(speakers)
                || !newModerators.equals(moderators)
                || !Objects.equals(in.abstractText(), abstractText)
                || !Objects.equals(in.slidesUrl(), slidesUrl)
                || !Objects.equals(in.recordingUrl(), recordingUrl)
                || in.cancelled() != cancelled
                || in.speakerToBeAnnounced() != speakerToBeAnnounced
                || !Objects.equals(in.track(), track);
        if (changed) {
            kind = newKind;
            title = newTitle;
            start = newStart;
            end = newEnd;
            durationOnly = newDurationOnly;
            speakers.clear();
            speakers.addAll(newSpeakers);
            moderators.clear();
            moderators.addAll(newModerators);
            abstractText = in.abstractText();
            slidesUrl = in.slidesUrl();
            recordingUrl = in.recordingUrl();
            cancelled = in.cancelled();
            speakerToBeAnnounced = in.speakerToBeAnnounced();
            track = in.track();
            sequence++;
            lastModified = now;
        }
        return changed;
    }

    /**
     * Takes the person off this item; the item keeps its place, and without any speaker left it
     * says "speaker to be announced". Returns whether the item changed.
     */
    boolean removePerson(UUID personId, Instant now) {
        boolean spoke = speakers.remove(personId.toString());
        boolean moderated = moderators.remove(personId.toString());
        if (!spoke && !moderated) {
            return false;
        }
        if (spoke && speakers.isEmpty()) {
            speakerToBeAnnounced = true;
        }
        sequence++;
        lastModified = now;
        return true;
    }

    SessionInput.ItemInput asInput() {
        return new SessionInput.ItemInput(id(), Kinds.word(kind), title,
                durationOnly ? null : start, durationOnly ? null : end,
                durationOnly ? Integer.valueOf((int) Duration.between(start, end).toMinutes()) : null,
                speakers(), moderators.stream().map(UUID::fromString).toList(), abstractText, slidesUrl,
                recordingUrl, cancelled, speakerToBeAnnounced, track);
    }

    UUID id() {
        return UUID.fromString(id);
    }

    List<UUID> speakers() {
        return speakers.stream().map(UUID::fromString).toList();
    }

    Set<UUID> people() {
        Set<UUID> people = new HashSet<>(speakers());
        moderators.forEach(m -> people.add(UUID.fromString(m)));
        return people;
    }

    ItemView view(ZoneId zone) {
        return new ItemView(id(), Kinds.word(kind), title, start.atZone(zone), end.atZone(zone), durationOnly,
                speakers(), moderators.stream().map(UUID::fromString).toList(), speakerToBeAnnounced, abstractText,
                slidesUrl, recordingUrl, cancelled, sequence, lastModified, track);
    }
}
