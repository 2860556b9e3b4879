package org.lectern.events.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.lectern.events.api.MeetingView;

/**
 * What an organizer changed about one meeting of a course, keyed by the date the recurrence
 * gives it: moved, cancelled, or given content such as a guest lecture.
 */
@Entity
@Table(name = "EVT_MEETING")
public class Meeting {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "EVENT_ID")
    private Event event;

    @Column(name = "MEETING_DATE", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "MOVED_START")
    private LocalDateTime start;

    @Column(name = "MOVED_END")
    private LocalDateTime end;

    @Column(length = 500)
    private String title;

    @Column(length = 40)
    private String kind;

    @Column(length = 200)
    private String room;

    @ElementCollection
    @CollectionTable(name = "EVT_MEETING_SPEAKER", joinColumns = @JoinColumn(name = "MEETING_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "PERSON_ID", length = 36, nullable = false)
    private List<String> speakers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_MEETING_PAPER", joinColumns = @JoinColumn(name = "MEETING_ID"))
    @OrderColumn(name = "POSITION")
    private List<MeetingPaper> papers = new ArrayList<>();

    @Column(nullable = false)
    private int sequence;

    @Column(nullable = false)
    private Instant lastModified;

    protected Meeting() {
    }

    Meeting(Event event, LocalDate date) {
        this.id = UUID.randomUUID().toString();
        this.event = event;
        this.date = date;
        this.sequence = -1;
    }

    void apply(DetailInputs.MeetingInput input, Instant now) {
        cancelled = input.cancelled();
        start = input.start();
        end = input.end();
        title = input.title();
        kind = input.kind();
        room = input.room();
        speakers.clear();
        input.speakersOrEmpty().forEach(s -> speakers.add(s.toString()));
        papers.clear();
        input.papersOrEmpty().forEach(p -> papers.add(new MeetingPaper(p.title(), p.url(),
                String.join(",", p.presentersOrEmpty().stream().map(UUID::toString).toList()))));
        sequence++;
        lastModified = now;
    }

    boolean removePerson(UUID personId, Instant now) {
        boolean changed = speakers.remove(personId.toString());
        for (int i = 0; i < papers.size(); i++) {
            MeetingPaper paper = papers.get(i);
            List<String> presenters = new ArrayList<>(Arrays.asList(paper.presenters().split(",")));
            if (presenters.remove(personId.toString())) {
                papers.set(i, new MeetingPaper(paper.title(), paper.url(), String.join(",", presenters)));
                changed = true;
            }
        }
        if (changed) {
            sequence++;
            lastModified = now;
        }
        return changed;
    }

    LocalDate date() {
        return date;
    }

    List<UUID> people() {
        List<UUID> people = new ArrayList<>(speakers.stream().map(UUID::fromString).toList());
        papers.forEach(p -> people.addAll(presenters(p)));
        return people;
    }

    /** The meeting as the recurrence gives it ({@code start}, {@code end}) with this override applied. */
    MeetingView view(LocalDateTime regularStart, LocalDateTime regularEnd, ZoneId zone, String regularRoom) {
        LocalDateTime realStart = start != null ? start : regularStart;
        LocalDateTime realEnd = end != null ? end : realStart.plusMinutes(java.time.Duration.between(regularStart, regularEnd).toMinutes());
        return new MeetingView(date, realStart.atZone(zone), realEnd.atZone(zone), cancelled, true, title, kind,
                room != null ? room : regularRoom,
                speakers.stream().map(UUID::fromString).toList(),
                papers.stream().map(p -> new MeetingView.Paper(p.title(), p.url(), presenters(p))).toList(),
                sequence, lastModified);
    }

    private static List<UUID> presenters(MeetingPaper paper) {
        return paper.presenters() == null || paper.presenters().isBlank() ? List.of()
                : Arrays.stream(paper.presenters().split(",")).map(UUID::fromString).toList();
    }
}
