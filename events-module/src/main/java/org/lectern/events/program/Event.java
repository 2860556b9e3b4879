package org.lectern.events.program;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lectern.events.api.EventView;
import org.lectern.events.api.EventView.Status;
import org.lectern.events.api.MeetingView;

/**
 * An event with its content, program, committee and (for a course) meetings: the aggregate every
 * change goes through, and the keeper of its rules. A rule broken is a {@link ProgramRuleViolation}
 * naming the field, thrown before anything changes in the database.
 */
@Entity
@Table(name = "EVT_EVENT")
public class Event {

    @Id
    @Column(length = 36)
    private String id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 80)
    private String shortTitle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventKind kind;

    @Column(nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private LocalDate startDate;

    @Column(nullable = false)
    private LocalDate endDate;

    @Embedded
    private Venue venue;

    @Embedded
    private HostConference hostConference;

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "POSITION")
    private List<Section> sections = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_TOPIC", joinColumns = @JoinColumn(name = "EVENT_ID"))
    @OrderColumn(name = "POSITION")
    private List<Topic> topics = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_LINK", joinColumns = @JoinColumn(name = "EVENT_ID"))
    @OrderColumn(name = "POSITION")
    private List<EventLink> links = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_ANNOUNCEMENT", joinColumns = @JoinColumn(name = "EVENT_ID"))
    @OrderColumn(name = "POSITION")
    private List<Announcement> announcements = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_SPONSOR", joinColumns = @JoinColumn(name = "EVENT_ID"))
    @OrderColumn(name = "POSITION")
    private List<Sponsor> sponsors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "EVT_PAPER", joinColumns = @JoinColumn(name = "EVENT_ID"))
    @OrderColumn(name = "POSITION")
    private List<Paper> papers = new ArrayList<>();

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "POSITION")
    private List<CommitteeGroup> committee = new ArrayList<>();

    @Embedded
    private Recurrence recurrence;

    @ElementCollection
    @CollectionTable(name = "EVT_EXCLUDED_DATE", joinColumns = @JoinColumn(name = "EVENT_ID"))
    @Column(name = "EXCLUDED_DATE")
    @OrderBy
    private List<LocalDate> excludedDates = new ArrayList<>();

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Meeting> meetings = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ProgramSession> sessions = new ArrayList<>();

    protected Event() {
    }

    Event(EventInput input, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.status = Status.DRAFT;
        describe(input, now);
    }

    /** Sets what the event is, when and where, and its page content; the program must still fit. */
    void describe(EventInput input, Instant now) {
        ZoneId zone = zone(input.timeZone());
        checkYear("startDate", input.startDate());
        checkYear("endDate", input.endDate());
        if (input.endDate().isBefore(input.startDate())) {
            throw new ProgramRuleViolation("endDate", "must not be before startDate");
        }
        this.startDate = input.startDate();
        this.endDate = input.endDate();
        for (int i = 0; i < sessions.size(); i++) {
            checkWithinDates("sessions[" + i + "].", sessions.get(i).start(), sessions.get(i).end());
        }
        this.slug = input.slug();
        this.title = input.title().strip();
        this.shortTitle = input.shortTitle();
        this.kind = Kinds.parse("kind", input.kind(), EventKind.class, null);
        this.timeZone = zone.getId();
        EventInput.VenueInput v = input.venue();
        this.venue = v == null ? null : new Venue(v.name(), v.building(), v.room(), v.address(), v.city());
        EventInput.HostConferenceInput h = input.hostConference();
        this.hostConference = h == null ? null : new HostConference(h.name(), h.url());
        reviseSections(input.sectionsOrEmpty());
        replace(topics, input.topicsOrEmpty(), t -> new Topic(t.title().strip(), t.description()));
        List<EventInput.LinkInput> linkInputs = input.linksOrEmpty();
        links.clear();
        for (int i = 0; i < linkInputs.size(); i++) {
            EventInput.LinkInput l = linkInputs.get(i);
            links.add(new EventLink(Kinds.word(Kinds.parse("links[" + i + "].kind", l.kind(), LinkKind.class, null)),
                    l.label().strip(), l.url()));
        }
        this.updatedAt = now;
    }

    // ---- program

    ProgramSession addSession(SessionInput input, Instant now) {
        checkWithinDates("", input.start(), input.end());
        ProgramSession session = new ProgramSession(this);
        session.revise(input, now);
        checkRoomsFree(session, "");
        sessions.add(session);
        this.updatedAt = now;
        return session;
    }

    /**
     * Revises a session. Its room is checked only when it changes place (room, start or end): one
     * that keeps its place takes no room from anyone, and an edit to one of its items need not load
     * the whole program to find that out.
     */
    ProgramChange reviseSession(ProgramSession session, SessionInput input, Instant now) {
        checkWithinDates("", input.start(), input.end());
        boolean moves = !roomKey(input.room()).equals(roomKey(session.room()))
                || !input.start().equals(session.start()) || !input.end().equals(session.end());
        ProgramChange change = session.revise(input, now);
        if (moves) {
            checkRoomsFree(session, "");
        }
        this.updatedAt = now;
        return change;
    }

    ProgramChange removeSession(ProgramSession session, Instant now) {
        sessions.remove(session);
        this.updatedAt = now;
        return new ProgramChange(Set.of(session.id()), session.itemIds(), Set.of(), session.people());
    }

    /**
     * Replaces the whole program. Sessions and items that name an existing id are revised in
     * place; the others are new; sessions left out are removed.
     */
    ProgramChange replaceProgram(DetailInputs.ProgramInput input, Instant now) {
        return replaceProgram(input, now, false);
    }

    /** @param adoptIds new sessions and items take the ids the input gives them (imports) */
    ProgramChange replaceProgram(DetailInputs.ProgramInput input, Instant now, boolean adoptIds) {
        Set<UUID> peopleBefore = programPeople();
        Map<UUID, ProgramSession> existing = sessions.stream()
                .collect(Collectors.toMap(ProgramSession::id, Function.identity()));
        Set<UUID> sessionIds = new HashSet<>();
        Set<UUID> itemIds = new HashSet<>();
        List<ProgramSession> replaced = new ArrayList<>();
        for (int i = 0; i < input.sessions().size(); i++) {
            SessionInput in = input.sessions().get(i);
            String prefix = "sessions[" + i + "].";
            checkWithinDates(prefix, in.start(), in.end());
            ProgramSession session = in.id() == null ? null : existing.remove(in.id());
            if (in.id() != null && session == null && !adoptIds) {
                throw new ProgramRuleViolation(prefix + "id", "is not a session of this event");
            }
            if (session == null) {
                session = in.id() == null ? new ProgramSession(this) : new ProgramSession(this, in.id());
            }
            ProgramChange change = session.revise(in, now, prefix, adoptIds);
            if (!change.itemIds().isEmpty() || change.sessionChanged()) {
                sessionIds.add(session.id());
            }
            itemIds.addAll(change.itemIds());
            replaced.add(session);
        }
        for (ProgramSession gone : existing.values()) {
            sessionIds.add(gone.id());
            itemIds.addAll(gone.itemIds());
        }
        sessions.clear();
        sessions.addAll(replaced);
        for (int i = 1; i < sessions.size(); i++) {
            // name the later of two sessions that collide: that is where the organizer looks
            checkRoomsFree(sessions.get(i), "sessions[" + i + "].", sessions.subList(0, i));
        }
        this.updatedAt = now;
        return new ProgramChange(sessionIds, itemIds, difference(programPeople(), peopleBefore),
                difference(peopleBefore, programPeople()));
    }

    // ---- people

    /** Takes a removed person off program, committee and meetings; items keep their places. */
    ProgramChange removePerson(UUID personId, Instant now) {
        Set<UUID> sessionIds = new HashSet<>();
        Set<UUID> itemIds = new HashSet<>();
        for (ProgramSession session : sessions) {
            Set<UUID> changed = session.removePerson(personId, now);
            if (!changed.isEmpty()) {
                sessionIds.add(session.id());
                itemIds.addAll(changed);
            }
        }
        boolean elsewhere = false;
        for (CommitteeGroup group : committee) {
            elsewhere |= group.removePerson(personId);
        }
        for (Meeting meeting : meetings) {
            elsewhere |= meeting.removePerson(personId, now);
        }
        if (sessionIds.isEmpty() && !elsewhere) {
            return ProgramChange.NONE;
        }
        this.updatedAt = now;
        return new ProgramChange(sessionIds, itemIds, Set.of(), Set.of(personId));
    }

    /** Everyone the event names, for the existence check and the people lists of messages. */
    Set<UUID> people() {
        Set<UUID> people = programPeople();
        committee.forEach(g -> people.addAll(g.people()));
        meetings.forEach(m -> people.addAll(m.people()));
        return people;
    }

    private Set<UUID> programPeople() {
        Set<UUID> people = new HashSet<>();
        sessions.forEach(s -> people.addAll(s.people()));
        return people;
    }

    // ---- details

    ProgramChange replaceCommittee(List<DetailInputs.CommitteeGroupInput> groups, Instant now) {
        Set<UUID> before = people();
        committee.clear();
        groups.forEach(g -> committee.add(new CommitteeGroup(this, g)));
        this.updatedAt = now;
        return new ProgramChange(Set.of(), Set.of(), difference(people(), before), difference(before, people()));
    }

    /** Sections are revised in place, position by position; extra ones are added, missing ones removed. */
    private void reviseSections(List<EventInput.SectionInput> input) {
        for (int i = 0; i < input.size(); i++) {
            EventInput.SectionInput s = input.get(i);
            if (i < sections.size()) {
                sections.get(i).revise(s.heading().strip(), s.body());
            } else {
                sections.add(new Section(this, s.heading().strip(), s.body()));
            }
        }
        while (sections.size() > input.size()) {
            sections.remove(sections.size() - 1);
        }
    }

    void replaceAnnouncements(List<DetailInputs.AnnouncementInput> input, Instant now) {
        replace(announcements, input, a -> new Announcement(a.date(), a.text(), a.pinned()));
        this.updatedAt = now;
    }

    void replaceSponsors(List<DetailInputs.SponsorInput> input, Instant now) {
        replace(sponsors, input, s -> new Sponsor(s.name().strip(), s.logoUrl(), s.url()));
        this.updatedAt = now;
    }

    void replacePapers(List<DetailInputs.PaperInput> input, Instant now) {
        replace(papers, input, p -> new Paper(p.title().strip(), p.authors(), p.url(), p.award()));
        this.updatedAt = now;
    }

    // ---- courses

    void setRecurrence(DetailInputs.RecurrenceInput input, Instant now) {
        Recurrence rhythm = new Recurrence(input);
        if (rhythm.firstDate().isBefore(startDate) || rhythm.lastDate().isAfter(endDate)) {
            throw new ProgramRuleViolation("firstDate", "the meetings must lie within the event's dates, "
                    + startDate + " to " + endDate);
        }
        this.recurrence = rhythm;
        excludedDates.clear();
        excludedDates.addAll(new TreeSet<>(input.excludedOrEmpty()));
        meetings.removeIf(m -> !rhythm.dates(Set.of()).contains(m.date()));
        this.updatedAt = now;
    }

    void clearRecurrence(Instant now) {
        this.recurrence = null;
        excludedDates.clear();
        meetings.clear();
        this.updatedAt = now;
    }

    Meeting putMeeting(LocalDate date, DetailInputs.MeetingInput input, Instant now) {
        if (recurrence == null || !recurrence.isSet()) {
            throw new ProgramRuleViolation("recurrence", "the event has no weekly meetings; set its recurrence first");
        }
        if (!recurrence.dates(Set.of()).contains(date)) {
            throw new ProgramRuleViolation("date", date + " is not a meeting date of this course");
        }
        if ((input.start() == null) != (input.end() == null)) {
            throw new ProgramRuleViolation(input.start() == null ? "start" : "end", "give both start and end to move a meeting");
        }
        if (input.start() != null) {
            checkWithinDates("", input.start(), input.end());
        }
        Meeting meeting = meetings.stream().filter(m -> m.date().equals(date)).findFirst().orElseGet(() -> {
            Meeting created = new Meeting(this, date);
            meetings.add(created);
            return created;
        });
        meeting.apply(input, now);
        this.updatedAt = now;
        return meeting;
    }

    boolean removeMeeting(LocalDate date, Instant now) {
        boolean removed = meetings.removeIf(m -> m.date().equals(date));
        if (removed) {
            this.updatedAt = now;
        }
        return removed;
    }

    /** The course's meetings: every date of the rhythm, less excluded dates, with overrides. */
    List<MeetingView> meetingViews() {
        if (recurrence == null || !recurrence.isSet()) {
            return List.of();
        }
        ZoneId zone = zoneId();
        Map<LocalDate, Meeting> overrides = meetings.stream().collect(Collectors.toMap(Meeting::date, Function.identity()));
        String room = venue == null ? null : venue.room();
        List<MeetingView> views = new ArrayList<>();
        for (LocalDate date : recurrence.dates(new HashSet<>(excludedDates))) {
            LocalDateTime start = recurrence.start(date);
            LocalDateTime end = recurrence.end(date);
            Meeting override = overrides.get(date);
            views.add(override != null ? override.view(start, end, zone, room)
                    : new MeetingView(date, start.atZone(zone), end.atZone(zone), false, false, null, null, room,
                            List.of(), List.of(), 0, updatedAt));
        }
        return views;
    }

    // ---- status

    void publish(Instant now) {
        this.status = Status.PUBLISHED;
        this.updatedAt = now;
    }

    void unpublish(Instant now) {
        this.status = Status.DRAFT;
        this.updatedAt = now;
    }

    void cancel(Instant now) {
        if (status == Status.DRAFT) {
            throw new ProgramRuleViolation("status", "a draft cannot be cancelled; unpublished events are simply not shown");
        }
        this.status = Status.CANCELLED;
        this.updatedAt = now;
    }

    // ---- rules

    private void checkWithinDates(String prefix, LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start)) {
            throw new ProgramRuleViolation(prefix + "end", "must be after start");
        }
        if (start.toLocalDate().isBefore(startDate)) {
            throw new ProgramRuleViolation(prefix + "start", "is before the event's first day, " + startDate);
        }
        if (start.toLocalDate().isAfter(endDate)) {
            throw new ProgramRuleViolation(prefix + "start", "is after the event's last day, " + endDate);
        }
        if (end.isAfter(endDate.plusDays(1).atStartOfDay().plusHours(6))) {
            // a late session may run past midnight, not into the next day's program
            throw new ProgramRuleViolation(prefix + "end", "is after the event's last day, " + endDate);
        }
    }

    /** No two sessions in one room at the same time (rooms compared without case or spaces). */
    private void checkRoomsFree(ProgramSession session, String prefix) {
        checkRoomsFree(session, prefix, sessions);
    }

    private static void checkRoomsFree(ProgramSession session, String prefix, List<ProgramSession> others) {
        String room = roomKey(session.room());
        if (room.isEmpty()) {
            return;
        }
        for (ProgramSession other : others) {
            if (other != session && roomKey(other.room()).equals(room)
                    && other.start().isBefore(session.end()) && session.start().isBefore(other.end())) {
                throw new ProgramRuleViolation(prefix + "room", "'" + session.room() + "' is taken by \""
                        + other.title() + "\" from " + other.start() + " to " + other.end());
            }
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String roomKey(String room) {
        return room == null ? "" : SPACES.matcher(room.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The years an event may be in: four-digit years, as iCalendar writes them, and a calendar client shows. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2999;

    private static void checkYear(String field, java.time.LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new ProgramRuleViolation(field, "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }

    static ZoneId zone(String name) {
        // ZoneId.of also takes offsets such as "+02:00": a feed needs a real, named zone it can define
        if (!org.lectern.events.api.EventZones.accepted(name)) {
            throw new ProgramRuleViolation("timeZone", "must be an IANA time zone such as Europe/London");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new ProgramRuleViolation("timeZone", "must be an IANA time zone such as Europe/London");
        }
    }

    private static <I, E> void replace(List<E> target, List<I> input, Function<I, E> make) {
        target.clear();
        (input == null ? List.<I>of() : input).forEach(i -> target.add(make.apply(i)));
    }

    private static Set<UUID> difference(Set<UUID> a, Set<UUID> b) {
        Set<UUID> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    // ---- reading

    UUID id() {
        return UUID.fromString(id);
    }

    String slug() {
        return slug;
    }

    long version() {
        return version;
    }

    Status status() {
        return status;
    }

    ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    EventView view() {
        return view(true);
    }

    /**
     * The event without its program (sessions and items): what a change that names no session, item
     * or person may have changed. Reading it loads none of a big program's rows.
     */
    EventView detailsView() {
        return view(false);
    }

    private EventView view(boolean withProgram) {
        ZoneId zone = zoneId();
        return new EventView(id(), slug, title, shortTitle, Kinds.word(kind), zone, startDate, endDate,
                venue == null ? null : new EventView.VenueView(venue.name(), venue.building(), venue.room(),
                        venue.address(), venue.city()),
                hostConference == null ? null : new EventView.HostConferenceView(hostConference.name(), hostConference.url()),
                sections.stream().map(s -> new EventView.SectionView(s.heading(), s.body())).toList(),
                topics.stream().map(t -> new EventView.TopicView(t.title(), t.description())).toList(),
                links.stream().map(l -> new EventView.EventLinkView(l.kind(), l.label(), l.url())).toList(),
                announcements.stream()
                        .sorted(Comparator.comparing((Announcement a) -> !a.pinned()).thenComparing(Announcement::date,
                                Comparator.nullsFirst(Comparator.reverseOrder())))
                        .map(a -> new EventView.AnnouncementView(a.date(), a.text(), a.pinned())).toList(),
                sponsors.stream().map(s -> new EventView.SponsorView(s.name(), s.logoUrl(), s.url())).toList(),
                papers.stream().map(p -> new EventView.PaperView(p.title(), p.authors(), p.url(), p.award())).toList(),
                committee.stream().map(CommitteeGroup::view).toList(),
                recurrence == null || !recurrence.isSet() ? null : recurrence.view(List.copyOf(excludedDates)),
                meetingViews(),
                status, version, updatedAt,
                !withProgram ? List.of() : sessions.stream()
                        .sorted(Comparator.comparing(ProgramSession::start).thenComparing(ProgramSession::title))
                        .map(s -> s.view(zone)).toList());
    }
}
