package org.lectern.publishing.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lectern.events.api.EventCatalog;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.PersonRole;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PeopleDirectory;
import org.lectern.people.api.PersonView;
import org.lectern.publishing.calendar.CalendarFeed;
import org.lectern.publishing.frab.ScheduleExport;

/**
 * Renders the site from the current state of the events and people modules. Rendering reads
 * only current state, so rendering the same target twice, or after a late message, gives the
 * same bytes: consumers may call it as often and in whatever order messages arrive.
 * <p>
 * Each file is rendered on its own: one that cannot be rendered or written (a record the renderer
 * chokes on, a folder the disk refuses) is reported in the batch's {@link RenderReport} against its
 * {@link RenderTarget} and the batch goes on. Only a failure to read the data (the database, the
 * transaction) fails the whole batch, which is then tried again as a whole.
 */
@ApplicationScoped
public class SitePublisher {

    private static final Logger LOG = Logger.getLogger(SitePublisher.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    /** The catalog's order of published events. */
    private static final Comparator<EventView> EARLIEST_FIRST = Comparator.comparing(EventView::startDate)
            .thenComparing(EventView::slug);

    @Inject
    EventCatalog events;

    /** Renders an event's feed beside its pages (see {@link #renderEvent}). */
    @Resource
    ManagedExecutorService executor;

    @Inject
    PeopleDirectory people;

    @Inject
    SiteDirectory site;

    @Inject
    PublicAddress address;

    @Inject
    Photos photos;

    /** People as last read; a batch forgets those its marks name before it renders. */
    private final KnownPeople known = new KnownPeople();

    /** The slugs of the people whose pages this instance published, to remove them when they go. */
    private final Map<UUID, String> slugs = new HashMap<>();

    /**
     * Who each published event named when this instance last rendered it: once the event is no
     * longer visible (unpublished, deleted) the catalog cannot say, and their pages and feeds
     * still list it until they are rendered again.
     */
    private final Map<UUID, Set<UUID>> namedBy = new HashMap<>();

    /** The report of the batch being rendered (set for the duration of {@link #publish}). */
    private RenderReport report;

    /**
     * Renders one batch of marks: each changed event once, the events a changed person appears in,
     * and the feeds of the people the changes touch: those on the changed sessions and items, those
     * added or removed, everyone on an event changed as a whole (title, status), and the people
     * whose profile changed. A batch that asks for everything is a {@link #rebuildSite rebuild}.
     */
    @Transactional
    synchronized RenderReport publish(DirtyTargets work) {
        report = new RenderReport();
        if (work.everything()) {
            rebuildSite();
            return report;
        }
        known.forget(work.people());
        Map<UUID, Optional<EventView>> seen = new HashMap<>();
        // a person's name and affiliations show on every event they are part of; most people
        // changes (an import registering a thousand people of a draft) touch no published event
        Set<UUID> feeds = new HashSet<>(work.personPages());
        Set<UUID> alsoShowing = new HashSet<>();
        for (UUID personId : work.people()) {
            Set<UUID> showing = events.publishedEventsWith(personId);
            if (!showing.isEmpty()) {
                feeds.add(personId);
                alsoShowing.addAll(showing);
            }
        }
        boolean anyEventGone = false;
        for (Map.Entry<UUID, DirtyTargets.EventMarks> entry : work.events().entrySet()) {
            long version = entry.getValue().version;
            Optional<EventView> event = seen.computeIfAbsent(entry.getKey(), id -> events.publishedEvent(id, version));
            event.ifPresent(e -> renderEvent(e, talksOf(e, entry.getValue())));
            anyEventGone |= event.isEmpty();
            DirtyTargets.EventMarks marks = entry.getValue();
            feeds.addAll(marks.people);
            event.ifPresent(e -> feeds.addAll(touched(e, marks)));
            if (event.isEmpty()) {
                // unpublished or deleted: everyone it named when last rendered loses it from their page and feed
                feeds.addAll(namedBy.getOrDefault(entry.getKey(), Set.of()));
                namedBy.remove(entry.getKey());
                report.attempted(RenderTarget.event(entry.getKey(), null));
            }
        }
        alsoShowing.removeAll(work.events().keySet());
        for (UUID eventId : alsoShowing) {
            // their name, affiliation and bio show on the talk pages of what they do there
            seen.computeIfAbsent(eventId, events::publishedEvent).ifPresent(e -> renderEvent(e,
                    item -> item.speakerIds().stream().anyMatch(work.people()::contains)
                            || item.moderatorIds().stream().anyMatch(work.people()::contains)));
        }
        if (anyEventGone) {
            pruneUnpublished(events.publishedEvents());
        }
        Map<UUID, Map<UUID, PersonView>> named = new HashMap<>();
        feeds.forEach(personId -> renderPersonFeed(personId, seen, named));
        if (!work.events().isEmpty() || work.index()) {
            // the index lists every published event: the changed ones were read above, the others
            // are read one by one (a big program changed is not read twice for one batch)
            renderIndex(events.publishedEventIds().stream()
                    .map(id -> seen.computeIfAbsent(id, events::publishedEvent))
                    .flatMap(Optional::stream)
                    .sorted(EARLIEST_FIRST)
                    .toList());
        }
        if (!work.people().isEmpty()) {
            photos.sweep(); // a deleted person's photo, or a replaced one
        }
        return report;
    }

    /**
     * The talk pages a change makes stale: every one when the event changed as a whole (its title
     * is on them), else the items it named, those of the sessions it named (a moved session moves
     * them), and their neighbours in the room now (whose "before" and "after" name them).
     */
    private static Predicate<ItemView> talksOf(EventView event, DirtyTargets.EventMarks marks) {
        if (marks.whole) {
            return item -> true;
        }
        Set<UUID> stale = new HashSet<>(marks.itemIds);
        event.sessions().stream().filter(s -> marks.sessionIds.contains(s.id()))
                .forEach(s -> s.items().forEach(i -> stale.add(i.id())));
        if (stale.isEmpty()) {
            return item -> false;
        }
        Map<UUID, TalkPage.Neighbour[]> neighbours = TalkPage.neighbours(event);
        Set<UUID> alsoStale = new HashSet<>();
        for (UUID id : stale) {
            for (TalkPage.Neighbour around : neighbours.getOrDefault(id, new TalkPage.Neighbour[0])) {
                if (around != null) {
                    alsoStale.add(around.id());
                }
            }
        }
        stale.addAll(alsoStale);
        return item -> stale.contains(item.id());
    }

    private static Set<UUID> touched(EventView event, DirtyTargets.EventMarks marks) {
        if (marks.whole) {
            return new HashSet<>(event.people());
        }
        Set<UUID> touched = new HashSet<>();
        for (SessionView session : event.sessions()) {
            if (marks.sessionIds.contains(session.id())) {
                touched.addAll(session.chairs());
            }
            session.items().stream().filter(i -> marks.itemIds.contains(i.id())).forEach(i -> {
                touched.addAll(i.speakerIds());
                touched.addAll(i.moderatorIds());
            });
        }
        return touched;
    }

    /**
     * Brings the whole site in line with the data: every published event, nothing else. Everyone
     * on those events is read in one query, and who is named where is taken from the views already
     * read, so a program of a thousand speakers costs a few queries, not a few per speaker.
     */
    private void rebuildSite() {
        long began = System.nanoTime();
        known.forgetAll();
        // who is shown where is learnt again from what is published now
        slugs.clear();
        namedBy.clear();
        List<EventView> published = events.publishedEvents();
        published.forEach(e -> renderEvent(e, item -> true));
        pruneUnpublished(published);
        Map<UUID, Optional<EventView>> seen = new HashMap<>();
        Map<UUID, Set<UUID>> eventsNaming = new HashMap<>();
        for (EventView event : published) {
            seen.put(event.id(), Optional.of(event));
            named(event).forEach(personId -> eventsNaming.computeIfAbsent(personId, id -> new HashSet<>()).add(event.id()));
        }
        Map<UUID, PersonView> everyone = known.findAll(eventsNaming.keySet(), people);
        Map<UUID, Map<UUID, PersonView>> named = new HashMap<>();
        published.forEach(e -> named.put(e.id(), everyone));
        published.stream().flatMap(e -> e.people().stream()).distinct()
                .forEach(personId -> renderPersonFeed(personId, Optional.ofNullable(everyone.get(personId)),
                        eventsNaming.getOrDefault(personId, Set.of()), seen, named));
        // folders of people who are on no published event any more, or were deleted
        Set<String> shown = Set.copyOf(slugs.values());
        site.folders("people").filter(slug -> !shown.contains(slug)).forEach(slug -> {
            RenderTarget target = RenderTarget.person(null, slug);
            attempt(target, "people/" + slug + "/", () -> site.removeTree("people/" + slug));
        });
        renderIndex(published);
        photos.sweep();
        LOG.info(() -> String.format("Site rebuilt: %d published events in %d ms", published.size(),
                (System.nanoTime() - began) / 1_000_000));
    }

    /** Everyone the event names anywhere: what {@link EventCatalog#publishedEventsWith} finds, from the view. */
    private static Set<UUID> named(EventView event) {
        Set<UUID> named = new HashSet<>(event.people());
        event.meetings().forEach(m -> m.papers().forEach(p -> named.addAll(p.presenterIds())));
        return named;
    }

    /**
     * An event's pages, feed and exports. The feed (ical4j) is the costliest single file of a big
     * program printed afresh, so it is rendered on a managed thread while this one renders the rest,
     * using the second core: the schedule first (the page attendees reload after a change), the frab
     * exports last (rendering them beside the feed delayed the feed and the schedule). All read only
     * the views given here, never the database. Of the talk pages, only those {@code talks} accepts
     * are rendered (a one-item change to a program of a thousand talks writes one or three of them);
     * the folders of items that are gone are removed.
     */
    private void renderEvent(EventView event, Predicate<ItemView> talks) {
        Map<UUID, PersonView> speakers = known.findAll(event.people(), people);
        namedBy.put(event.id(), named(event));
        RenderTarget target = RenderTarget.event(event.id(), event.slug());
        report.attempted(target);
        Links links = Links.of(event, address);
        String base = "events/" + event.slug() + "/";
        java.net.URI schedulePage = address.page(base + "schedule/");
        String host = address.host();
        Runnable renderFeed = () -> site.write(base + "calendar.ics",
                CalendarFeed.forEvent(event, speakers, schedulePage, host));
        Future<?> feed = executor.submit(renderFeed);

        attempt(target, SchedulePage.path(event), () -> site.write(SchedulePage.path(event),
                SchedulePage.render(event, speakers, links)));
        attempt(target, EventHomePage.path(event), () -> site.write(EventHomePage.path(event),
                EventHomePage.render(event, speakers, links, dates(event), photos::address)));
        attempt(target, SpeakersPage.path(event), () -> site.write(SpeakersPage.path(event),
                SpeakersPage.render(event, speakers, links, photos::address)));
        attempt(target, base + "schedule.xml", () -> {
            ScheduleExport.Files exports = ScheduleExport.both(event, speakers, address.page(base));
            attempt(target, base + "schedule.xml", () -> site.write(base + "schedule.xml", exports.xml()));
            attempt(target, base + "schedule.json", () -> site.write(base + "schedule.json", exports.json()));
        });
        attempt(target, base + "talks/", () -> {
            Map<String, TrackPage.Track> tracks = TrackPage.tracks(event);
            renderTalks(target, event, tracks, speakers, links, talks);
            renderTracks(target, event, tracks, speakers, links);
        });
        attempt(target, base + "calendar.ics", () -> await(feed, base + "calendar.ics"));
    }

    /**
     * Every track's page and feed, whatever changed: a talk that moved to another track leaves the
     * old one's, and which that was is not known here. Folders of tracks no talk is in any more go.
     */
    private void renderTracks(RenderTarget target, EventView event, Map<String, TrackPage.Track> tracks,
                              Map<UUID, PersonView> speakers, Links links) {
        java.net.URI schedule = address.page("events/" + event.slug() + "/schedule/");
        Set<String> kept = new HashSet<>();
        for (TrackPage.Track track : tracks.values()) {
            String folder = TrackPage.folder(event, track);
            kept.add(track.slug());
            attempt(target, folder + "index.html", () -> site.write(folder + "index.html", TrackPage.render(event, track,
                    speakers, links, address.page(folder + "calendar.ics").toString(), address.webcal(folder + "calendar.ics"))));
            attempt(target, folder + "calendar.ics", () -> site.write(folder + "calendar.ics", TrackPage.calendar(event,
                    track, speakers, address.page(folder), schedule, address.host())));
        }
        String tracksFolder = "events/" + event.slug() + "/tracks";
        site.folders(tracksFolder).filter(slug -> !kept.contains(slug)).forEach(slug ->
                attempt(target, tracksFolder + "/" + slug + "/", () -> site.removeTree(tracksFolder + "/" + slug)));
    }

    private void renderTalks(RenderTarget target, EventView event, Map<String, TrackPage.Track> tracks,
                             Map<UUID, PersonView> speakers, Links links, Predicate<ItemView> talks) {
        Map<UUID, TalkPage.Neighbour[]> neighbours = TalkPage.neighbours(event);
        java.net.URI schedule = address.page("events/" + event.slug() + "/schedule/");
        Set<String> items = new HashSet<>();
        for (SessionView session : event.sessions()) {
            for (ItemView item : session.items()) {
                items.add(item.id().toString());
                if (!talks.test(item)) {
                    continue;
                }
                String folder = TalkPage.folder(event, item);
                TalkPage.Neighbour[] around = neighbours.getOrDefault(item.id(), new TalkPage.Neighbour[2]);
                attempt(target, folder + "index.html", () -> site.write(folder + "index.html", TalkPage.render(event, tracks,
                        session, item, speakers, links, photos::address, around[0], around[1])));
                attempt(target, folder + "talk.ics", () -> site.write(folder + "talk.ics",
                        TalkPage.calendar(event, session, item, speakers, schedule, address.host())));
            }
        }
        String talksFolder = "events/" + event.slug() + "/talks";
        site.folders(talksFolder).filter(id -> !items.contains(id)).forEach(id ->
                attempt(target, talksFolder + "/" + id + "/", () -> site.removeTree(talksFolder + "/" + id)));
    }

    private static void await(Future<?> rendering, String path) {
        try {
            rendering.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering " + path, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Cannot render " + path, e.getCause());
        }
    }

    /**
     * Renders one file of a target. A failure is the target's alone (reported, and the batch goes
     * on), unless it is the data that cannot be read: then the whole batch fails and is tried again.
     */
    private void attempt(RenderTarget target, String path, Runnable rendering) {
        try {
            rendering.run();
        } catch (RuntimeException e) {
            if (readingFailed(e)) {
                throw e;
            }
            report.failed(target, path, e);
        } catch (StackOverflowError e) {
            // a pathological text (nesting a parser recurses into) is one record's problem, not the site's
            report.failed(target, path, new IllegalStateException("The renderer overflowed its stack", e));
        }
    }

    /** Whether the failure came from the database or the transaction, not from one record or file. */
    static boolean readingFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String type = cause.getClass().getName();
            if (type.startsWith("jakarta.persistence.") || type.startsWith("java.sql.") || type.startsWith("jakarta.transaction.")
                    || type.startsWith("javax.transaction.") || type.startsWith("org.eclipse.persistence.")
                    || type.startsWith("jakarta.ejb.")) {
                return true;
            }
        }
        return false;
    }

    /** The home page and the feed of all events, from every published event, earliest first. */
    private void renderIndex(List<EventView> published) {
        RenderTarget index = RenderTarget.site("index");
        report.attempted(index);
        attempt(index, "index.html", () -> renderHome(published));
        attempt(index, "calendar.ics", () -> renderFeedOfEvents(published));
        attempt(index, "assets/lectern.css", () -> site.write("assets/lectern.css", Stylesheet.BYTES));
    }

    private void renderHome(List<EventView> published) {
        // upcoming (and running) events first, soonest first; then past events, latest first
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> upcoming = published.stream().filter(e -> !e.endDate().isBefore(today))
                .map(this::listed).toList();
        List<Map<String, Object>> past = published.stream().filter(e -> e.endDate().isBefore(today))
                .sorted(Comparator.comparing(EventView::startDate).reversed()).map(this::listed).toList();
        site.write("index.html", Templates.render("index", Map.of("upcoming", upcoming, "past", past,
                "feed", address.page("calendar.ics").toString(), "webcal", address.webcal("calendar.ics"))));
    }

    private void renderFeedOfEvents(List<EventView> published) {
        // one entry per event: the feed to follow which events there are (each has its own feed
        // with every item), cheap enough to render on every change
        CalendarFeed everything = CalendarFeed.named("All events", address.page(""), address.host());
        published.forEach(e -> everything.addWholeEvent(e, address.page("events/" + e.slug() + "/")));
        site.write("calendar.ics", everything.bytes());
    }

    private Map<String, Object> listed(EventView event) {
        return Map.of("event", event, "links", Links.of(event, address), "dates", dates(event));
    }

    /**
     * A person's page and feed. The page shows what they do across published events (committee
     * included); the feed holds the items they speak at or moderate, the sessions they chair, the
     * course meetings they speak or present at. Each is removed when it would be empty.
     * {@code seen} carries the views (and their people) already read for this change, so a change
     * that touches a hundred people reads its event once.
     */
    private void renderPersonFeed(UUID personId, Map<UUID, Optional<EventView>> seen, Map<UUID, Map<UUID, PersonView>> named) {
        renderPersonFeed(personId, people.find(personId), events.publishedEventsWith(personId), seen, named);
    }

    /** The same, with the person and the published events naming them already known. */
    private void renderPersonFeed(UUID personId, Optional<PersonView> found, Set<UUID> eventsNaming,
                                  Map<UUID, Optional<EventView>> seen, Map<UUID, Map<UUID, PersonView>> named) {
        if (found.isEmpty()) {
            // deleted: their page and feed go (the slug is known if this instance rendered them)
            String slug = slugs.remove(personId);
            RenderTarget target = RenderTarget.person(personId, slug);
            report.attempted(target);
            if (slug != null) {
                attempt(target, "people/" + slug + "/", () -> site.removeTree("people/" + slug));
            }
            return;
        }
        PersonView person = found.get();
        RenderTarget target = RenderTarget.person(personId, person.slug());
        report.attempted(target);
        String oldSlug = slugs.remove(personId);
        if (oldSlug != null && !oldSlug.equals(person.slug())) {
            attempt(target, "people/" + oldSlug + "/", () -> site.removeTree("people/" + oldSlug));
        }
        String path = "people/" + person.slug() + "/calendar.ics";
        // the slug itself may be what cannot be written: the page and the feed are attempted as one
        attempt(target, path, () -> renderPerson(personId, person, path, eventsNaming, seen, named));
    }

    private void renderPerson(UUID personId, PersonView person, String path, Set<UUID> eventsNaming,
                              Map<UUID, Optional<EventView>> seen, Map<UUID, Map<UUID, PersonView>> named) {
        CalendarFeed feed = CalendarFeed.named(person.name(), address.page(path), address.host());
        List<UUID> eventIds = eventsNaming.stream().sorted().toList();
        List<PersonRole> roles = new ArrayList<>();
        for (UUID eventId : eventIds) {
            Optional<EventView> event = seen.computeIfAbsent(eventId, events::publishedEvent);
            if (event.isEmpty()) {
                continue;
            }
            EventView e = event.get();
            roles.addAll(PersonRole.at(e, personId));
            Map<UUID, PersonView> names = named.computeIfAbsent(eventId, id -> known.findAll(e.people(), people));
            java.net.URI page = address.page("events/" + e.slug() + "/schedule/");
            for (SessionView session : e.sessions()) {
                if (session.chairs().contains(personId)) {
                    feed.addSession(e, session, page);
                }
                for (ItemView item : session.items()) {
                    if (item.speakerIds().contains(personId) || item.moderatorIds().contains(personId)) {
                        feed.addItem(e, session, item, names, page);
                    }
                }
            }
            e.meetings().stream()
                    .filter(m -> m.speakerIds().contains(personId)
                            || m.papers().stream().anyMatch(p -> p.presenterIds().contains(personId)))
                    .forEach(m -> feed.addMeeting(e, m, names, page));
        }
        roles.sort(PersonRole.BY_EVENT_THEN_TIME);
        if (roles.isEmpty()) {
            site.removeTree(PersonPage.folder(person));
            return;
        }
        slugs.put(personId, person.slug());
        if (feed.isEmpty()) {
            site.remove(path);
        } else {
            site.write(path, feed.bytes());
        }
        site.write(PersonPage.folder(person) + "/index.html", PersonPage.render(person, photos.address(person), roles,
                feed.isEmpty() ? null : address.page(path).toString(), feed.isEmpty() ? null : address.webcal(path)));
    }

    /** Removes the folders of events that are no longer published (unpublished, deleted). */
    private void pruneUnpublished(List<EventView> publishedEvents) {
        Set<String> published = new HashSet<>();
        publishedEvents.forEach(e -> published.add(e.slug()));
        site.folders("events").filter(slug -> !published.contains(slug)).forEach(slug -> {
            RenderTarget target = RenderTarget.event(null, slug);
            report.attempted(target);
            attempt(target, "events/" + slug + "/", () -> site.removeTree("events/" + slug));
        });
    }

    private static String dates(EventView event) {
        return event.startDate().equals(event.endDate())
                ? DATE.format(event.startDate())
                : DATE.format(event.startDate()) + " \u2013 " + DATE.format(event.endDate());
    }
}
