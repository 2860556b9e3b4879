package org.lectern.events.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import org.lectern.events.api.EventChanged;
import org.lectern.events.api.EventView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PeopleDirectory;

/**
 * What organizers do to events. Each method is one transaction over one event: it validates,
 * asks the event to change (the event keeps the rules), and sends EventChanged in the same
 * transaction. A caller that names the version it read ({@code basedOn}) gets 412 when the event
 * has changed since; {@code null} means "whatever is current", and such a change is made again
 * when another writer's change to the event commits first ({@link RetriedWithoutIfMatch}). Changes to
 * one event made on this server take turns ({@link TakesTurns}), so they rarely meet at the version.
 */
@ApplicationScoped
@Transactional
@TakesTurns
@RetriedWithoutIfMatch
public class EventEditor {

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Inject
    private Validator validator;

    @Inject
    private PeopleDirectory people;

    @Inject
    private EventMessages messages;

    @Inject
    private PeopleRegistrations registrations;

    public List<EventView> list() {
        return em.createQuery("select e from Event e order by e.startDate, e.slug", Event.class)
                .getResultList().stream().map(Event::view).toList();
    }

    public EventView get(String id) {
        return find(id).view();
    }

    public EventView create(EventInput input) {
        validate(input);
        checkSlugFree(input.slug(), null);
        Instant now = Instant.now();
        Event event = new Event(input, now);
        em.persist(event);
        em.flush();
        messages.changed(event, EventChanged.Kind.CREATED, ProgramChange.NONE, now);
        return event.view();
    }

    public EventView describe(String id, @IfMatch Long basedOn, EventInput input) {
        validate(input);
        checkSlugFree(input.slug(), id);
        return changeDetail(id, basedOn, (e, now) -> e.describe(input, now));
    }

    public void delete(String id, @IfMatch Long basedOn) {
        Event event = find(id, basedOn);
        Set<UUID> everyone = event.people();
        em.remove(event);
        em.flush();
        messages.changed(event, EventChanged.Kind.DELETED, new ProgramChange(Set.of(), Set.of(), Set.of(), everyone),
                Instant.now());
    }

    public EventView publish(String id, @IfMatch Long basedOn) {
        return change(id, basedOn, EventChanged.Kind.PUBLISHED, (event, now) -> {
            event.publish(now);
            return ProgramChange.NONE;
        }).view();
    }

    public EventView unpublish(String id, @IfMatch Long basedOn) {
        return change(id, basedOn, EventChanged.Kind.UNPUBLISHED, (event, now) -> {
            event.unpublish(now);
            return ProgramChange.NONE;
        }).view();
    }

    public EventView cancel(String id, @IfMatch Long basedOn) {
        return change(id, basedOn, EventChanged.Kind.CANCELLED, (event, now) -> {
            event.cancel(now);
            return ProgramChange.NONE;
        }).view();
    }

    // ---- program

    public SessionView addSession(String eventId, @IfMatch Long basedOn, SessionInput input) {
        validate(input);
        checkPeopleExist(input);
        UUID[] added = new UUID[1];
        Event event = change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> {
            ProgramSession session = e.addSession(input, now);
            added[0] = session.id();
            return new ProgramChange(Set.of(session.id()), session.itemIds(), session.people(), Set.of());
        });
        return sessionView(event, added[0]);
    }

    public SessionView getSession(String eventId, UUID sessionId) {
        return sessionView(find(eventId), sessionId);
    }

    public SessionView reviseSession(String eventId, UUID sessionId, @IfMatch Long basedOn, SessionInput input) {
        validate(input);
        checkPeopleExist(input);
        Event event = change(eventId, basedOn, EventChanged.Kind.UPDATED,
                (e, now) -> e.reviseSession(session(e, sessionId), input, now));
        return sessionView(event, sessionId);
    }

    public void removeSession(String eventId, UUID sessionId, @IfMatch Long basedOn) {
        change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> e.removeSession(session(e, sessionId), now));
    }

    public EventView replaceProgram(String eventId, @IfMatch Long basedOn, DetailInputs.ProgramInput input) {
        validate(input);
        input.sessions().forEach(this::checkPeopleExist);
        return change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> e.replaceProgram(input, now)).view();
    }

    /** The program as an input document (what PUT program takes back). */
    public DetailInputs.ProgramInput programDocument(String eventId) {
        Event event = find(eventId);
        return new DetailInputs.ProgramInput(event.view().sessions().stream()
                .map(s -> session(event, s.id()).asInput()).toList());
    }

    /** One session as the admin API shows it, with the event's version. */
    public ProgramDocuments.Versioned<ProgramDocuments.SessionDocument> sessionDocument(String eventId, UUID sessionId) {
        Event event = find(eventId);
        return new ProgramDocuments.Versioned<>(ProgramDocuments.of(session(event, sessionId)), event.version());
    }

    public List<ProgramDocuments.SessionDocument> sessionDocuments(String eventId) {
        Event event = find(eventId);
        return event.view().sessions().stream().map(s -> ProgramDocuments.of(session(event, s.id()))).toList();
    }

    /** One item as the admin API shows it, with the event's version. */
    public ProgramDocuments.Versioned<ProgramDocuments.ItemDocument> itemDocument(String eventId, UUID itemId) {
        Event event = find(eventId);
        ProgramItem item = sessionOfItem(event, itemId).itemsInOrder().stream().filter(i -> i.id().equals(itemId))
                .findFirst().orElseThrow();
        return new ProgramDocuments.Versioned<>(ProgramDocuments.of(item), event.version());
    }

    public List<ProgramDocuments.ItemDocument> itemDocuments(String eventId) {
        return sessionDocuments(eventId).stream().flatMap(s -> s.items().stream()).toList();
    }

    /** Adds an item at the end of a session; its times follow the same rules as in the session. */
    public SessionView addItem(String eventId, UUID sessionId, @IfMatch Long basedOn, SessionInput.ItemInput item) {
        validate(item);
        checkPeopleExist(item);
        Event event = change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> {
            ProgramSession session = session(e, sessionId);
            SessionInput current = session.asInput();
            List<SessionInput.ItemInput> items = new java.util.ArrayList<>(current.itemsOrEmpty());
            items.add(item);
            return e.reviseSession(session, withItems(current, items), now);
        });
        return sessionView(event, sessionId);
    }

    public SessionView reviseItem(String eventId, UUID itemId, @IfMatch Long basedOn, SessionInput.ItemInput item) {
        validate(item);
        checkPeopleExist(item);
        UUID[] sessionId = new UUID[1];
        Event event = change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> {
            ProgramSession session = sessionOfItem(e, itemId);
            sessionId[0] = session.id();
            SessionInput current = session.asInput();
            List<SessionInput.ItemInput> items = current.itemsOrEmpty().stream()
                    .map(i -> i.id().equals(itemId) ? withId(item, itemId) : i).toList();
            return e.reviseSession(session, withItems(current, items), now);
        });
        return sessionView(event, sessionId[0]);
    }

    public void removeItem(String eventId, UUID itemId, @IfMatch Long basedOn) {
        change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> {
            ProgramSession session = sessionOfItem(e, itemId);
            SessionInput current = session.asInput();
            return e.reviseSession(session, withItems(current,
                    current.itemsOrEmpty().stream().filter(i -> !i.id().equals(itemId)).toList()), now);
        });
    }

    /**
     * A person was deleted: take them off every program, committee and meeting they appear in.
     * One message per event changed; nothing happens for a person named nowhere, so a repeated
     * delivery of the same removal is harmless.
     */
    public void removePerson(UUID personId) {
        List<Event> all = em.createQuery("select e from Event e", Event.class).getResultList();
        Instant now = Instant.now();
        for (Event event : all) {
            if (!event.people().contains(personId)) {
                continue;
            }
            ProgramChange change = event.removePerson(personId, now);
            em.flush();
            messages.changed(event, EventChanged.Kind.UPDATED, change, now);
        }
    }

    /** What an import did. */
    public record Imported(EventView event, boolean created, Set<UUID> itemsChanged) {
    }

    /**
     * Creates or updates the event with this slug from an imported schedule, with the people it
     * names, in one transaction and one EventChanged. Sessions and items take the stable ids the
     * importer derived, so a re-import revises them rather than adding copies. The people are
     * registered with the people module in the same transaction (they need not exist yet); the
     * event's own content (sections, committee, ...) is kept.
     */
    public Imported importSchedule(EventInput input, DetailInputs.ProgramInput program,
                                   List<org.lectern.people.api.RegisterPeople.Person> named, String source) {
        validate(input);
        validate(program);
        Instant now = Instant.now();
        List<Event> existing = em.createQuery("select e from Event e where e.slug = :slug", Event.class)
                .setParameter("slug", input.slug()).getResultList();
        Event event;
        boolean created = existing.isEmpty();
        if (created) {
            event = new Event(input, now);
            em.persist(event);
        } else {
            event = existing.get(0);
            EventView current = event.view();
            event.describe(new EventInput(input.slug(), input.title(), current.shortTitle(), input.kind(),
                    input.timeZone(), input.startDate(), input.endDate(), keep(current.venue()),
                    current.hostConference() == null ? null
                            : new EventInput.HostConferenceInput(current.hostConference().name(), current.hostConference().url()),
                    current.sections().stream().map(x -> new EventInput.SectionInput(x.heading(), x.body())).toList(),
                    current.topics().stream().map(x -> new EventInput.TopicInput(x.title(), x.description())).toList(),
                    current.links().stream().map(x -> new EventInput.LinkInput(x.kind(), x.label(), x.url())).toList()), now);
        }
        ProgramChange change = event.replaceProgram(program, now, true);
        em.flush();
        registrations.register(named, source, now);
        messages.changed(event, created ? EventChanged.Kind.CREATED : EventChanged.Kind.UPDATED, change, now);
        return new Imported(event.view(), created, change.itemIds());
    }

    private static EventInput.VenueInput keep(EventView.VenueView v) {
        return v == null ? null : new EventInput.VenueInput(v.name(), v.building(), v.room(), v.address(), v.city());
    }

    // ---- details

    public EventView replaceCommittee(String eventId, @IfMatch Long basedOn, List<DetailInputs.CommitteeGroupInput> groups) {
        validateAll(groups);
        checkPeopleExist(groups.stream().flatMap(g -> g.members().stream().map(DetailInputs.MemberInput::person)).toList(),
                "members");
        return change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> e.replaceCommittee(groups, now)).view();
    }

    public EventView replaceAnnouncements(String eventId, @IfMatch Long basedOn, List<DetailInputs.AnnouncementInput> input) {
        validateAll(input);
        return changeDetail(eventId, basedOn, (e, now) -> e.replaceAnnouncements(input, now));
    }

    public EventView replaceSponsors(String eventId, @IfMatch Long basedOn, List<DetailInputs.SponsorInput> input) {
        validateAll(input);
        return changeDetail(eventId, basedOn, (e, now) -> e.replaceSponsors(input, now));
    }

    public EventView replacePapers(String eventId, @IfMatch Long basedOn, List<DetailInputs.PaperInput> input) {
        validateAll(input);
        return changeDetail(eventId, basedOn, (e, now) -> e.replacePapers(input, now));
    }

    // ---- courses

    public EventView setRecurrence(String eventId, @IfMatch Long basedOn, DetailInputs.RecurrenceInput input) {
        validate(input);
        return changeDetail(eventId, basedOn, (e, now) -> e.setRecurrence(input, now));
    }

    public EventView clearRecurrence(String eventId, @IfMatch Long basedOn) {
        return changeDetail(eventId, basedOn, (e, now) -> e.clearRecurrence(now));
    }

    public MeetingView putMeeting(String eventId, LocalDate date, @IfMatch Long basedOn, DetailInputs.MeetingInput input) {
        validate(input);
        Set<UUID> named = new HashSet<>(input.speakersOrEmpty());
        input.papersOrEmpty().forEach(p -> named.addAll(p.presentersOrEmpty()));
        checkPeopleExist(named, "speakers");
        Event event = change(eventId, basedOn, EventChanged.Kind.UPDATED, (e, now) -> {
            e.putMeeting(date, input, now);
            return new ProgramChange(Set.of(), Set.of(), named, Set.of());
        });
        return meeting(event, date);
    }

    public MeetingView getMeeting(String eventId, LocalDate date) {
        return meeting(find(eventId), date);
    }

    public void removeMeeting(String eventId, LocalDate date, @IfMatch Long basedOn) {
        changeDetail(eventId, basedOn, (e, now) -> e.removeMeeting(date, now));
    }

    // ---- the shape of every change

    private interface EventChange {
        ProgramChange apply(Event event, Instant now);
    }

    private Event change(String id, Long basedOn, EventChanged.Kind kind, EventChange change) {
        Event event = find(id, basedOn);
        // the details only: a program change says itself what it changed (ProgramChange), and reading
        // the whole program of a big event twice per item edit halved the rate of changes it takes
        EventView before = kind == EventChanged.Kind.UPDATED ? event.detailsView() : null;
        Instant now = Instant.now();
        ProgramChange touched = change.apply(event, now);
        if (before != null && touched.isEmpty() && sameContent(before, event.detailsView())) {
            // a body read by GET and sent back as it was: the event keeps its version (and ETag),
            // no message goes out, no page is rewritten; refresh drops the touched updatedAt
            em.refresh(event);
            return event;
        }
        em.flush();
        messages.changed(event, kind, touched, now);
        return event;
    }

    /** Whether everything an organizer or a page sees is as it was; only the time of the change moved. */
    private static boolean sameContent(EventView before, EventView after) {
        return before.equals(new EventView(after.id(), after.slug(), after.title(), after.shortTitle(), after.kind(),
                after.zone(), after.startDate(), after.endDate(), after.venue(), after.hostConference(), after.sections(),
                after.topics(), after.links(), after.announcements(), after.sponsors(), after.papers(), after.committee(),
                after.recurrence(), after.meetings(), after.status(), after.version(), before.updatedAt(), after.sessions()));
    }

    /** A change to a part of the event that names no session, item or person (content, details, rhythm). */
    private EventView changeDetail(String id, Long basedOn, java.util.function.BiConsumer<Event, Instant> change) {
        return change(id, basedOn, EventChanged.Kind.UPDATED, (event, now) -> {
            change.accept(event, now);
            return ProgramChange.NONE;
        }).view();
    }

    private static SessionInput withItems(SessionInput session, List<SessionInput.ItemInput> items) {
        return new SessionInput(session.id(), session.title(), session.kind(), session.room(), session.chairs(),
                session.start(), session.end(), items);
    }

    private static SessionInput.ItemInput withId(SessionInput.ItemInput i, UUID id) {
        return new SessionInput.ItemInput(id, i.kind(), i.title(), i.start(), i.end(), i.durationMinutes(), i.speakers(),
                i.moderators(), i.abstractText(), i.slidesUrl(), i.recordingUrl(), i.cancelled(), i.speakerToBeAnnounced(),
                i.track());
    }

    /**
     * The event's session, found by its id rather than by walking the program: a change to one
     * session of a large program (36c3: 1,351 sessions) then loads that session alone.
     */
    private ProgramSession session(Event event, UUID sessionId) {
        ProgramSession session = em.find(ProgramSession.class, sessionId.toString());
        if (session == null || !session.belongsTo(event)) {
            throw new NotFoundException("No session " + sessionId + " in event " + event.id());
        }
        return session;
    }

    private ProgramSession sessionOfItem(Event event, UUID itemId) {
        return em.createQuery("select i.session from ProgramItem i where i.id = :item and i.session.event = :event",
                        ProgramSession.class)
                .setParameter("item", itemId.toString())
                .setParameter("event", event)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No item " + itemId + " in event " + event.id()));
    }

    private SessionView sessionView(Event event, UUID sessionId) {
        return session(event, sessionId).view(event.zoneId());
    }

    private static MeetingView meeting(Event event, LocalDate date) {
        return event.meetingViews().stream().filter(m -> m.date().equals(date)).findFirst()
                .orElseThrow(() -> new NotFoundException("No meeting on " + date + " in event " + event.id()));
    }

    private void checkPeopleExist(SessionInput input) {
        checkPeopleExist(input.chairsOrEmpty(), "chairs");
        List<SessionInput.ItemInput> items = input.itemsOrEmpty();
        for (int i = 0; i < items.size(); i++) {
            checkPeopleExist(items.get(i).speakersOrEmpty(), "items[" + i + "].speakers");
            checkPeopleExist(items.get(i).moderatorsOrEmpty(), "items[" + i + "].moderators");
        }
    }

    private void checkPeopleExist(SessionInput.ItemInput item) {
        checkPeopleExist(item.speakersOrEmpty(), "speakers");
        checkPeopleExist(item.moderatorsOrEmpty(), "moderators");
    }

    private void checkPeopleExist(Collection<UUID> ids, String field) {
        Set<UUID> missing = people.missing(ids);
        if (!missing.isEmpty()) {
            throw new ProgramRuleViolation(field, "names no known person: " + missing);
        }
    }

    private void checkSlugFree(String slug, String exceptId) {
        List<String> holders = em.createQuery("select e.id from Event e where e.slug = :slug", String.class)
                .setParameter("slug", slug).getResultList();
        if (holders.stream().anyMatch(h -> !h.equals(exceptId))) {
            throw new ProgramRuleViolation("slug", "is already used by another event");
        }
    }

    private Event find(String id) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            throw new NotFoundException("No event with id " + id);
        }
        return event;
    }

    private Event find(String id, Long basedOn) {
        Event event = find(id);
        if (basedOn != null && basedOn != event.version()) {
            throw new StaleVersion(basedOn, event.version());
        }
        return event;
    }

    private <T> void validate(T input) {
        if (input == null) {
            throw new BadRequestException("A JSON body is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** Validates each element; the first broken rule is named with its index, e.g. "[2].url". */
    private <T> void validateAll(List<T> inputs) {
        if (inputs == null) {
            throw new BadRequestException("A JSON array is required");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                throw new ProgramRuleViolation("[" + i + "]", "must not be null");
            }
            for (ConstraintViolation<T> violation : validator.validate(inputs.get(i))) {
                throw new ProgramRuleViolation("[" + i + "]." + violation.getPropertyPath(), violation.getMessage());
            }
        }
    }

}
