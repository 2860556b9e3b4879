package org.lectern.publishing.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lectern.events.api.CommitteeGroupView;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.PersonRole;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;
import org.lectern.publishing.site.SchedulePage;
import org.lectern.publishing.site.SpeakersPage;
import org.lectern.publishing.site.TalkPage;
import org.lectern.publishing.site.TrackPage;

/**
 * The published site as a Jekyll source tree that {@code jekyll build} builds as it is: our own
 * layouts (no theme, no plugins), an index, per event a home page, a schedule page and a speakers
 * page, and per person on the program a page of what they do where, all in markdown with front
 * matter ({@code layout}, {@code title}, {@code permalink}, {@code nav}, {@code nav_order}, as event
 * sites keep theirs); beside them each event's feed and frab exports and each person's feed, copied
 * from the published site.
 * <p>
 * The markdown is written here rather than by a template: every value from the data goes through
 * {@link MarkdownText} or {@link FrontMatter} on its way in, which a template with autoescaping off
 * would leave to each expression, and Pebble's tags would clash with the Liquid in the layouts.
 */
final class JekyllSite {

    private static final Logger LOG = Logger.getLogger(JekyllSite.class.getName());

    /** The rule the events module gives slugs; an event whose slug breaks it is left out, not trusted as a path. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * A person's slug keeps the letters of their name in any script ("søren-kierkegaard",
     * "王伟"): letters and digits joined by single dashes, never a dot, slash or other path part.
     */
    static final Pattern PERSON_SLUG = Pattern.compile("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");

    /** Files of an event copied from the published site as they are (Jekyll copies files without front matter). */
    static final List<String> EVENT_FILES = List.of("calendar.ics", "schedule.xml", "schedule.json");

    /** Our layouts and stylesheet, from the classpath. */
    static final List<String> FIXED_FILES = List.of("_layouts/default.html", "_layouts/event.html",
            "assets/css/lectern.css");

    private static final String RESOURCES = "org/lectern/publishing/export/jekyll/";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final List<EventView> events;
    private final Map<UUID, PersonView> people;
    private final Function<String, Optional<byte[]>> siteFiles;
    private final Function<String, String> webcal;

    /**
     * @param events    the published events, in the order the index lists them
     * @param people    everyone they name (those missing are left out, as on the site)
     * @param siteFiles the bytes of a published file by site path, if it is there
     * @param webcal    the webcal:// address of a site path (subscriptions follow the live feed)
     */
    JekyllSite(List<EventView> events, Map<UUID, PersonView> people, Function<String, Optional<byte[]>> siteFiles,
               Function<String, String> webcal) {
        this.events = List.copyOf(events);
        this.people = Map.copyOf(people);
        this.siteFiles = siteFiles;
        this.webcal = webcal;
    }

    /** Every file of the tree by its path, sorted. */
    SortedMap<String, byte[]> files() {
        SortedMap<String, byte[]> tree = new TreeMap<>();
        tree.put("_config.yml", utf8(config()));
        FIXED_FILES.forEach(path -> tree.put(path, resource(path)));
        List<EventView> exported = exported();
        tree.put("index.md", utf8(index(exported)));
        siteFiles.apply("calendar.ics").ifPresent(bytes -> tree.put("calendar.ics", bytes));
        for (EventView event : exported) {
            String base = "events/" + event.slug() + "/";
            tree.put(base + "index.md", utf8(home(event)));
            tree.put(base + "schedule.md", utf8(schedule(event)));
            tree.put(base + "speakers.md", utf8(speakers(event)));
            Map<UUID, TalkPage.Neighbour[]> neighbours = TalkPage.neighbours(event);
            Map<String, TrackPage.Track> tracks = TrackPage.tracks(event);
            for (SessionView session : event.sessions()) {
                for (ItemView item : session.items()) {
                    String folder = TalkPage.folder(event, item);
                    TalkPage.Neighbour[] around = neighbours.getOrDefault(item.id(), new TalkPage.Neighbour[2]);
                    tree.put(folder + "index.md", utf8(talk(event, TalkPage.model(event, tracks, session, item, people,
                            person -> null, around[0], around[1]), "/" + folder)));
                    siteFiles.apply(folder + "talk.ics").ifPresent(bytes -> tree.put(folder + "talk.ics", bytes));
                }
            }
            for (String name : EVENT_FILES) {
                siteFiles.apply(base + name).ifPresent(bytes -> tree.put(base + name, bytes));
            }
        }
        roles(exported).forEach((person, theirs) -> {
            String base = "people/" + person.slug() + "/";
            tree.put(base + "index.md", utf8(person(person, theirs)));
            siteFiles.apply(base + "calendar.ics").ifPresent(bytes -> tree.put(base + "calendar.ics", bytes));
        });
        return tree;
    }

    /**
     * Everyone with a part in the exported events (as on the site's person pages), with their parts
     * by event, then time. A person whose slug is not a plain path is left out, as an event would be.
     */
    private Map<PersonView, List<PersonRole>> roles(List<EventView> exported) {
        Map<UUID, List<PersonRole>> byId = new LinkedHashMap<>();
        for (EventView event : exported) {
            Stream.concat(event.people().stream(),
                            event.meetings().stream().flatMap(m -> m.papers().stream()).flatMap(p -> p.presenterIds().stream()))
                    .distinct()
                    .forEach(id -> byId.computeIfAbsent(id, x -> new ArrayList<>()).addAll(PersonRole.at(event, id)));
        }
        Map<PersonView, List<PersonRole>> roles = new LinkedHashMap<>();
        byId.forEach((id, theirs) -> {
            PersonView person = people.get(id);
            if (person == null || theirs.isEmpty()) {
                return;
            }
            if (!hasPage(person)) {
                LOG.warning(() -> "Person " + id + " left out of the Jekyll export: their slug is not a path");
                return;
            }
            theirs.sort(PersonRole.BY_EVENT_THEN_TIME);
            roles.put(person, theirs);
        });
        return roles;
    }

    private List<EventView> exported() {
        List<EventView> exported = new ArrayList<>();
        for (EventView event : events) {
            if (event.slug() != null && SLUG.matcher(event.slug()).matches()) {
                exported.add(event);
            } else {
                LOG.warning(() -> "Event " + event.id() + " left out of the Jekyll export: its slug is not a path");
            }
        }
        return exported;
    }

    static String config() {
        return """
                # A Jekyll site exported from Lectern: the published events, their schedules and feeds.
                # Build it with `jekyll build` (Jekyll 4, no theme, no plugins) or preview it with `jekyll serve`.
                # Pages are markdown with front matter: layout, title, permalink, nav (shown in the
                # navigation) and nav_order; an event's pages also name their event.
                title: "Events"
                description: "Events, schedules and calendar feeds"
                baseurl: ""
                encoding: utf-8
                markdown: kramdown
                plugins: []
                """;
    }

    String index(List<EventView> exported) {
        StringBuilder page = new StringBuilder(new FrontMatter()
                .put("layout", "default")
                .put("title", "Events")
                .put("permalink", "/")
                .put("nav", true)
                .put("nav_order", 1)
                .put("render_with_liquid", false)
                .render());
        page.append("\n# Events\n\n");
        if (exported.isEmpty()) {
            page.append("No events are published yet.\n");
        }
        for (EventView event : exported) {
            page.append("- [").append(MarkdownText.text(event.title())).append("](events/").append(event.slug())
                    .append("/)").append(" \u2014 ").append(MarkdownText.text(when(event)));
            if (event.status() == EventView.Status.CANCELLED) {
                page.append(" **(cancelled)**");
            }
            page.append('\n');
        }
        if (siteFiles.apply("calendar.ics").isPresent()) {
            page.append("\n[Subscribe to every event](").append(MarkdownText.destination(webcal.apply("calendar.ics")))
                    .append(") in your calendar app, or download [calendar.ics](calendar.ics).\n");
        }
        return page.toString();
    }

    String home(EventView event) {
        StringBuilder page = new StringBuilder(eventFrontMatter(event, event.title(), "/events/" + event.slug() + "/", 1, true));
        page.append("\n# ").append(MarkdownText.text(event.title())).append("\n\n");
        page.append(MarkdownText.paragraph(when(event))).append("\n\n");
        if (event.status() == EventView.Status.CANCELLED) {
            page.append("**This event is cancelled.**\n\n");
        }
        if (event.hostConference() != null && event.hostConference().name() != null) {
            page.append("Held at ").append(MarkdownText.link(event.hostConference().name(), event.hostConference().url()))
                    .append(".\n\n");
        }
        page.append("[Schedule](schedule/) \u00b7 [Subscribe to the calendar](")
                .append(MarkdownText.destination(webcal.apply("events/" + event.slug() + "/calendar.ics")))
                .append(") \u00b7 [calendar.ics](calendar.ics)\n");

        if (!event.announcements().isEmpty()) {
            page.append("\n## Announcements\n\n");
            event.announcements().forEach(a -> page.append("- ")
                    .append(a.date() == null ? "" : "**" + DATE.format(a.date()) + "**: ")
                    .append(MarkdownText.richText(a.text())).append('\n'));
        }
        for (EventView.SectionView section : event.sections()) {
            page.append("\n## ").append(MarkdownText.text(section.heading())).append("\n\n");
            blocks(section.body(), page);
        }
        if (!event.topics().isEmpty()) {
            page.append("\n## Topics\n\n");
            event.topics().forEach(t -> {
                page.append("- **").append(MarkdownText.text(t.title())).append("**");
                if (t.description() != null && !t.description().isBlank()) {
                    page.append(": ").append(MarkdownText.text(t.description()));
                }
                page.append('\n');
            });
        }
        if (!event.links().isEmpty()) {
            page.append("\n## Links\n\n");
            event.links().forEach(l -> page.append("- ").append(MarkdownText.link(l.label(), l.url())).append('\n'));
        }
        if (!event.papers().isEmpty()) {
            page.append("\n## Papers\n\n");
            event.papers().forEach(p -> {
                page.append("- ").append(MarkdownText.link(p.title(), p.url()));
                if (p.authors() != null && !p.authors().isBlank()) {
                    page.append(", ").append(MarkdownText.text(p.authors()));
                }
                if (p.award() != null && !p.award().isBlank()) {
                    page.append(" (").append(MarkdownText.text(p.award())).append(')');
                }
                page.append('\n');
            });
        }
        if (!event.sponsors().isEmpty()) {
            page.append("\n## Sponsors\n\n");
            event.sponsors().forEach(s -> page.append("- ").append(MarkdownText.link(s.name(), s.url())).append('\n'));
        }
        if (!event.committee().isEmpty()) {
            page.append("\n## Committee\n");
            for (CommitteeGroupView group : event.committee()) {
                page.append("\n### ").append(MarkdownText.text(group.name())).append("\n\n");
                for (CommitteeGroupView.Member member : group.members()) {
                    PersonView person = people.get(member.personId());
                    if (person == null) {
                        continue;
                    }
                    page.append("- ").append(MarkdownText.text(speaker(person)));
                    if (member.role() != null && !member.role().isBlank()) {
                        page.append(" \u2014 ").append(MarkdownText.text(member.role()));
                    }
                    page.append('\n');
                }
            }
        }
        return page.toString();
    }

    String schedule(EventView event) {
        String base = "events/" + event.slug() + "/";
        StringBuilder page = new StringBuilder(eventFrontMatter(event, "Schedule", "/" + base + "schedule/", 2,
                !event.sessions().isEmpty() || !event.meetings().isEmpty()));
        page.append("\n# Schedule\n\n");
        page.append("[Subscribe to this schedule](").append(MarkdownText.destination(webcal.apply(base + "calendar.ics")))
                .append(") in your calendar app, or download [calendar.ics](../calendar.ics). ")
                .append("For conference apps: [schedule.xml](../schedule.xml), [schedule.json](../schedule.json).\n");
        if (event.sessions().isEmpty() && event.meetings().isEmpty()) {
            page.append("\nThe program will be announced.\n");
        }
        // the site's schedule model, written as the organizers' own table: a session is a bold row
        // over its items, a one-item session (a break, lunch, a keynote) a single row
        for (SchedulePage.Day day : SchedulePage.days(event, people)) {
            page.append("\n## ").append(MarkdownText.text(day.heading())).append("\n\n");
            page.append(MarkdownText.text(day.zoneNote() + ".")).append("\n\n");
            page.append("| Time | Program |\n| --- | --- |\n");
            for (SchedulePage.Block block : day.sessions()) {
                if (block.single()) {
                    page.append("| ").append(block.only().time()).append(" | ").append(entry(block.only()));
                    if (block.room() != null) {
                        page.append(" \u00b7 ").append(MarkdownText.text(block.room()));
                    }
                    page.append(" |\n");
                    continue;
                }
                page.append("| ").append(block.time()).append(" | **Session:** ").append(MarkdownText.text(block.title()));
                if (block.room() != null && !block.room().equals(block.title())) {
                    page.append(" \u00b7 ").append(MarkdownText.text(block.room()));
                }
                if (!block.chairs().isEmpty()) {
                    page.append(" \u00b7 Chair: ").append(MarkdownText.text(texts(block.chairs())));
                }
                page.append(" |\n");
                block.items().forEach(item -> page.append("| ").append(item.time()).append(" | ")
                        .append(entry(item)).append(" |\n"));
            }
        }
        if (!event.meetings().isEmpty()) {
            page.append("\n## Meetings\n\n");
            page.append(zoneNote(event, event.meetings().get(0).start())).append("\n\n");
            page.append("| Date | Time | Meeting |\n| --- | --- | --- |\n");
            event.meetings().forEach(m -> page.append("| ").append(SHORT_DAY.format(m.start())).append(" | ")
                    .append(range(m.start(), m.end())).append(" | ").append(meeting(m)).append(" |\n"));
        }
        return page.toString();
    }

    /** One program item's page: the site's talk page model, as markdown. */
    String talk(EventView event, TalkPage.Model talk, String permalink) {
        StringBuilder page = new StringBuilder(new FrontMatter()
                .put("layout", "default")
                .put("title", talk.title())
                .put("permalink", permalink)
                .put("event", event.slug())
                .put("render_with_liquid", false)
                .render());
        page.append("\n[").append(MarkdownText.text(event.title())).append("](../../) \u203a [Schedule](../../schedule/)\n\n");
        page.append("# ").append(MarkdownText.text(talk.title())).append("\n\n");
        StringBuilder about = new StringBuilder(MarkdownText.text(talk.kind()));
        if (talk.track() != null) {
            about.append(" \u00b7 Track: ").append(MarkdownText.text(talk.track().name()));
        }
        if (talk.session() != null) {
            about.append(" \u00b7 Part of ").append(MarkdownText.text(talk.session()));
        }
        page.append(about).append("\n\n");
        if (talk.cancelled()) {
            page.append("**Cancelled.** This item will not take place.\n\n");
        }
        page.append("**").append(MarkdownText.text(talk.day() + ", " + talk.time())).append("** ")
                .append(MarkdownText.text(talk.zone()));
        if (talk.room() != null) {
            page.append(" \u00b7 ").append(MarkdownText.text(talk.room()));
        }
        page.append("\n\n[Add to your calendar](talk.ics)\n");
        if (talk.abstractText() != null) {
            page.append("\n## Abstract\n\n");
            blocks(talk.abstractText(), page);
        }
        List<String> links = new ArrayList<>();
        if (talk.slides() != null) {
            links.add(MarkdownText.link("Slides", talk.slides()));
        }
        if (talk.recording() != null) {
            links.add(MarkdownText.link("Recording", talk.recording()));
        }
        if (!links.isEmpty()) {
            page.append("\nLinks: ").append(String.join(" \u00b7 ", links)).append("\n");
        }
        talkPeople(talk.panel() ? "Panelists" : talk.speakers().size() == 1 ? "Speaker" : "Speakers", talk.speakers(), page);
        talkPeople(talk.moderators().size() == 1 ? "Moderator" : "Moderators", talk.moderators(), page);
        if (talk.speakers().isEmpty() && talk.speakerToBeAnnounced()) {
            page.append("\nSpeaker to be announced.\n");
        }
        if (talk.previous() != null) {
            page.append("\nBefore: [").append(MarkdownText.text(talk.previous().title())).append("](../")
                    .append(talk.previous().id()).append("/) \u00b7 ").append(MarkdownText.text(talk.previous().time())).append('\n');
        }
        if (talk.next() != null) {
            page.append("\nAfter: [").append(MarkdownText.text(talk.next().title())).append("](../")
                    .append(talk.next().id()).append("/) \u00b7 ").append(MarkdownText.text(talk.next().time())).append('\n');
        }
        return page.toString();
    }

    private void talkPeople(String heading, List<TalkPage.Person> those, StringBuilder page) {
        if (those.isEmpty()) {
            return;
        }
        page.append("\n## ").append(heading).append('\n');
        for (TalkPage.Person person : those) {
            String slug = person.card().page().substring("/people/".length(), person.card().page().length() - 1);
            page.append("\n### ");
            if (PERSON_SLUG.matcher(slug).matches()) {
                page.append('[').append(MarkdownText.text(person.card().fullName())).append("](")
                        .append(MarkdownText.destination("../../../../people/" + slug + "/")).append(')');
            } else {
                page.append(MarkdownText.text(person.card().fullName()));
            }
            page.append("\n\n");
            if (person.card().affiliation() != null) {
                page.append(MarkdownText.paragraph(person.card().affiliation())).append("\n\n");
            }
            if (person.bio() != null) {
                blocks(person.bio(), page);
            }
        }
    }

    /** Everyone on the event's program, in order of first appearance, each with their parts here. */
    String speakers(EventView event) {
        String base = "events/" + event.slug() + "/";
        StringBuilder page = new StringBuilder(eventFrontMatter(event, "Speakers", "/" + base + "speakers/", 3,
                SpeakersPage.listsAnyone(event)));
        page.append("\n# Speakers\n");
        Map<UUID, List<String>> parts = new LinkedHashMap<>();
        for (SessionView session : event.sessions()) {
            session.chairs().forEach(id -> part(parts, id, "Chair", session.title(), session.start()));
            for (ItemView item : session.items()) {
                item.speakerIds().forEach(id -> part(parts, id, "Speaker", item.title(), item.start()));
                item.moderatorIds().forEach(id -> part(parts, id, "Moderator", item.title(), item.start()));
            }
        }
        for (MeetingView meeting : event.meetings()) {
            String title = meeting.title() == null || meeting.title().isBlank() ? event.title() : meeting.title();
            meeting.speakerIds().forEach(id -> part(parts, id, "Speaker", title, meeting.start()));
            meeting.papers().forEach(paper -> paper.presenterIds()
                    .forEach(id -> part(parts, id, "Presenter", paper.title(), meeting.start())));
        }
        if (parts.isEmpty()) {
            page.append("\nThe speakers will be announced.\n");
        }
        parts.forEach((id, theirs) -> {
            PersonView person = people.get(id);
            if (person == null) {
                return;
            }
            page.append("\n## ");
            if (hasPage(person)) {
                page.append('[').append(MarkdownText.text(person.name())).append("](")
                        .append(MarkdownText.destination("../../../people/" + person.slug() + "/")).append(')');
            } else {
                page.append(MarkdownText.text(person.name()));
            }
            page.append("\n\n");
            if (!person.currentAffiliationNames().isEmpty()) {
                page.append(MarkdownText.paragraph(person.currentAffiliationNames())).append("\n\n");
            }
            theirs.forEach(part -> page.append("- ").append(part).append('\n'));
        });
        return page.toString();
    }

    private static boolean hasPage(PersonView person) {
        return person.slug() != null && PERSON_SLUG.matcher(person.slug()).matches();
    }

    private static void part(Map<UUID, List<String>> parts, UUID personId, String what, String title, ZonedDateTime start) {
        String shown = title == null || title.isBlank() ? what : what + ": **" + MarkdownText.text(title) + "**";
        parts.computeIfAbsent(personId, id -> new ArrayList<>()).add(shown
                + (start == null ? "" : " \u2014 " + SHORT_DAY.format(start) + ", " + TIME.format(start)));
    }

    /** A person's page: who they are, then what they do at each exported event, and their feed. */
    String person(PersonView person, List<PersonRole> roles) {
        String base = "people/" + person.slug() + "/";
        StringBuilder page = new StringBuilder(new FrontMatter()
                .put("layout", "default")
                .put("title", person.name())
                .put("permalink", "/" + base)
                .put("render_with_liquid", false)
                .render());
        page.append("\n# ").append(MarkdownText.text(person.name())).append("\n\n");
        if (!person.currentAffiliationNames().isEmpty()) {
            page.append(MarkdownText.paragraph(person.currentAffiliationNames())).append("\n\n");
        }
        blocks(person.bio(), page);
        List<String> links = new ArrayList<>();
        if (person.homepage() != null && !person.homepage().isBlank()) {
            links.add(MarkdownText.link("Homepage", person.homepage()));
        }
        person.links().forEach(l -> links.add(MarkdownText.link(
                l.label() == null || l.label().isBlank() ? l.url() : l.label(), l.url())));
        if (!links.isEmpty()) {
            // a label shown without its link could start a list or a rule: the line starts with a word
            page.append("Links: ").append(String.join(" \u00b7 ", links)).append("\n");
        }
        String event = null;
        for (PersonRole role : roles) {
            if (!role.eventSlug().equals(event)) {
                event = role.eventSlug();
                page.append("\n## [").append(MarkdownText.text(role.eventTitle())).append("](../../events/")
                        .append(role.eventSlug()).append("/)\n\n");
            }
            page.append("- ").append(role.role().label());
            if (role.title() != null && !role.title().isBlank()) {
                page.append(": **").append(MarkdownText.text(role.title())).append("**");
            }
            if (role.start() != null) {
                page.append(" \u2014 ").append(SHORT_DAY.format(role.start())).append(", ").append(TIME.format(role.start()))
                        .append(' ').append(MarkdownText.text("(" + ZONE_ABBREVIATION.format(role.start()) + ")"));
            }
            page.append('\n');
        }
        if (siteFiles.apply(base + "calendar.ics").isPresent()) {
            page.append("\n[Subscribe to ").append(MarkdownText.text(person.name())).append("'s calendar](")
                    .append(MarkdownText.destination(webcal.apply(base + "calendar.ics")))
                    .append(") in your calendar app, or download [calendar.ics](calendar.ics).\n");
        }
        return page.toString();
    }

    private static String entry(SchedulePage.Entry item) {
        StringBuilder cell = new StringBuilder();
        if (item.cancelled()) {
            cell.append("**Cancelled:** ");
        }
        String title = MarkdownText.text(item.title());
        String label = item.label() == null ? "" : MarkdownText.text(item.label()) + ": ";
        cell.append(title.isEmpty() ? MarkdownText.text(item.kind()) : "**" + label + title + "**");
        if (!title.isEmpty() && item.label() == null && item.kind() != null && !item.kind().isBlank()
                && !item.kind().equals("talk")) {
            cell.append(" (").append(MarkdownText.text(item.kind())).append(')');
        }
        if (!item.speakers().isEmpty()) {
            cell.append(" \u2014 ").append(MarkdownText.text(texts(item.speakers())));
        } else if (item.speakerToBeAnnounced()) {
            cell.append(" \u2014 speaker to be announced");
        }
        if (!item.moderators().isEmpty()) {
            cell.append(" \u2014 moderated by ").append(MarkdownText.text(texts(item.moderators())));
        }
        return cell.toString();
    }

    private static String texts(List<SchedulePage.Named> named) {
        return String.join("; ", named.stream().map(SchedulePage.Named::text).toList());
    }

    private String meeting(MeetingView meeting) {
        StringBuilder cell = new StringBuilder();
        if (meeting.cancelled()) {
            cell.append("**Cancelled** ");
        }
        if (meeting.moved()) {
            cell.append("(moved from ").append(SHORT_DAY.format(meeting.date())).append(") ");
        }
        String title = MarkdownText.text(meeting.title());
        if (!title.isEmpty()) {
            cell.append("**").append(title).append("**");
        } else {
            cell.append(MarkdownText.text(meeting.kind() == null ? "Meeting" : meeting.kind()));
        }
        List<String> speakers = names(meeting.speakerIds());
        if (!speakers.isEmpty()) {
            cell.append(" \u2014 ").append(MarkdownText.text(String.join("; ", speakers)));
        }
        if (meeting.room() != null && !meeting.room().isBlank()) {
            cell.append(" \u00b7 ").append(MarkdownText.text(meeting.room()));
        }
        for (MeetingView.Paper paper : meeting.papers()) {
            cell.append("<br>").append(MarkdownText.link(paper.title(), paper.url()));
            List<String> presenters = names(paper.presenterIds());
            if (!presenters.isEmpty()) {
                cell.append(" \u2014 ").append(MarkdownText.text(String.join("; ", presenters)));
            }
        }
        return cell.toString();
    }

    /**
     * A content section's body: its paragraphs, its headings (one level below the section's) and
     * its lists, with their links and strong text ({@link MarkdownText#richText}). The body is markdown
     * by intent, but markdown passes HTML through: the page is rebuilt from its escaped text, so no
     * markup in it comes alive.
     */
    private static void blocks(String body, StringBuilder page) {
        if (body == null) {
            return;
        }
        List<String> paragraph = new ArrayList<>();
        boolean inList = false;
        for (String raw : body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            boolean item = line.startsWith("- ") || line.startsWith("* ") || line.startsWith("+ ");
            if (line.isEmpty() || heading.matches() || item) {
                flush(paragraph, page);
            }
            if (inList && !item && !line.isEmpty()) {
                page.append('\n');
            }
            inList &= item || line.isEmpty();
            if (heading.matches()) {
                page.append("### ").append(MarkdownText.richText(heading.group(1))).append("\n\n");
            } else if (item) {
                page.append("- ").append(MarkdownText.richText(line.substring(2))).append('\n');
                inList = true;
            } else if (!line.isEmpty()) {
                paragraph.add(line);
            } else if (inList) {
                page.append('\n');
                inList = false;
            }
        }
        flush(paragraph, page);
        if (inList) {
            page.append('\n');
        }
    }

    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)(?:\\s+#+)?");

    private static void flush(List<String> paragraph, StringBuilder page) {
        if (!paragraph.isEmpty()) {
            page.append(MarkdownText.richParagraph(String.join(" ", paragraph))).append("\n\n");
            paragraph.clear();
        }
    }

    /** @param nav whether the event's navigation offers the page (an event without a program has no schedule to offer) */
    private String eventFrontMatter(EventView event, String title, String permalink, int navOrder, boolean nav) {
        return new FrontMatter()
                .put("layout", "event")
                .put("title", title)
                .put("permalink", permalink)
                .put("nav", nav)
                .put("nav_order", navOrder)
                .put("event", event.slug())
                .put("event_title", event.title())
                // the pages hold no Liquid of their own: whatever looks like Liquid is text
                .put("render_with_liquid", false)
                .render();
    }

    private List<String> names(List<UUID> ids) {
        return ids.stream().map(people::get).filter(Objects::nonNull).map(JekyllSite::speaker).toList();
    }

    /** "Name, Affiliation": as the site's schedule shows a speaker. */
    static String speaker(PersonView person) {
        String affiliations = person.currentAffiliationNames();
        return affiliations.isEmpty() ? person.name() : person.name() + ", " + affiliations;
    }

    private static String when(EventView event) {
        String dates = event.startDate().equals(event.endDate())
                ? DATE.format(event.startDate())
                : DATE.format(event.startDate()) + " \u2013 " + DATE.format(event.endDate());
        return event.venue() == null || event.venue().label().isEmpty() ? dates : dates + " \u00b7 " + event.venue().label();
    }

    private static String zoneNote(EventView event, ZonedDateTime first) {
        return MarkdownText.text("Times are " + event.zone().getId() + " (" + ZONE_ABBREVIATION.format(first) + ").");
    }

    private static String range(ZonedDateTime start, ZonedDateTime end) {
        return TIME.format(start) + "\u2013" + TIME.format(end);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = JekyllSite.class.getClassLoader().getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCES + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
