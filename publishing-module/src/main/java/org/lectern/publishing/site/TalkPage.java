package org.lectern.publishing.site;

import java.net.URI;
import java.time.format.TextStyle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;
import org.lectern.publishing.calendar.CalendarFeed;

/**
 * {@code /events/{slug}/talks/{item-id}/}: one program item with its time in the event's zone, room,
 * track, speakers and moderators (photo, affiliation, bio), abstract, slides and recording, a
 * one-item {@code talk.ics} to add it to a calendar, and the items before and after it in its room.
 * The folder is named by the item's id, so the address survives a rename, a move or a new session.
 * Every item has one (a person's page links each of their parts to it), but the schedule does not
 * link breaks, meals and registration, and they are no one's neighbours: there is little to say
 * about lunch.
 */
public final class TalkPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final Set<String> PAUSES = Set.of("break", "meal", "registration");

    /** An item before or after this one in the same room. */
    public record Neighbour(UUID id, String title, String time, String page) {
    }

    /** A speaker or moderator, with what the speakers page shows of them; {@code bio} is markdown. */
    public record Person(PersonCard card, String bio, String bioHtml) {
    }

    /**
     * The page's facts, read by the template and the Jekyll export alike. {@code session} names the
     * session it is part of when that is more than the item itself; {@code abstractText} is markdown.
     */
    public record Model(String title, String kind, SchedulePage.TrackLink track, String session, String day, String time,
                        String isoStart, String zone, String room, boolean cancelled, boolean panel,
                        boolean speakerToBeAnnounced, List<Person> speakers, List<Person> moderators,
                        String abstractText, String abstractHtml, String slides, String recording,
                        Neighbour previous, Neighbour next) {
    }

    private TalkPage() {
    }

    /** A break, a meal, registration: on the schedule without a link, and skipped between neighbours. */
    public static boolean isPause(ItemView item) {
        return PAUSES.contains(item.kind());
    }

    /** The site path of the item's folder, ending in a slash. */
    public static String folder(EventView event, ItemView item) {
        return "events/" + event.slug() + "/talks/" + item.id() + "/";
    }

    /** The address pages link to. */
    public static String page(EventView event, ItemView item) {
        return page(event.slug(), item.id());
    }

    /** The same, from the event's slug and the item's id (what a person's roles carry). */
    public static String page(String eventSlug, UUID itemId) {
        return "/events/" + eventSlug + "/talks/" + itemId + "/";
    }

    public static Model model(EventView event, Map<String, TrackPage.Track> tracks, SessionView session, ItemView item,
                              Map<UUID, PersonView> people,
                              Function<PersonView, String> photos, Neighbour previous, Neighbour next) {
        TrackPage.Track track = tracks.get(item.track());
        return new Model(title(item), kindName(item.kind()),
                track == null ? null : new SchedulePage.TrackLink(track.name(), track.page(event), track.cssClass()),
                session.items().size() > 1 && !blank(session.title()) ? session.title() : null,
                DAY.format(item.start()), TIME.format(item.start()) + "\u2013" + TIME.format(item.end()),
                item.start().toOffsetDateTime().toString(),
                event.zone().getId() + " (" + ZONE_ABBREVIATION.format(item.start()) + ")",
                blankToNull(session.room()), item.cancelled(), "panel".equals(item.kind()), item.speakerToBeAnnounced(),
                people(item.speakerIds(), people, photos), people(item.moderatorIds(), people, photos),
                blankToNull(item.abstractText()), blank(item.abstractText()) ? "" : Markdown.html(item.abstractText()),
                SafeUrls.orNull(item.slidesUrl()), SafeUrls.orNull(item.recordingUrl()), previous, next);
    }

    static byte[] render(EventView event, Map<String, TrackPage.Track> tracks, SessionView session, ItemView item,
                         Map<UUID, PersonView> people, Links links,
                         Function<PersonView, String> photos, Neighbour previous, Neighbour next) {
        return Templates.render("talk", Map.of("event", event, "links", links,
                "talk", model(event, tracks, session, item, people, photos, previous, next)));
    }

    /**
     * The item alone as a calendar, to add it with one click: its entry is the very entry of the
     * event's feed (same UID, SEQUENCE, text and address), under the event's name, so every talk of
     * an event shares one printed frame and the entry printed for the feed.
     */
    static byte[] calendar(EventView event, SessionView session, ItemView item, Map<UUID, PersonView> people,
                           URI schedulePage, String uidHost) {
        return CalendarFeed.named(event.title(), schedulePage, uidHost)
                .addItem(event, session, item, people, schedulePage).bytes();
    }

    /**
     * For every item that is not a pause, the ones just before and after it in the same room
     * (the session's room; items of sessions without a room are one room), in time order.
     */
    public static Map<UUID, Neighbour[]> neighbours(EventView event) {
        Map<String, List<ItemView>> byRoom = new LinkedHashMap<>();
        for (SessionView session : event.sessions()) {
            String room = Objects.requireNonNullElse(blankToNull(session.room()), "");
            session.items().stream().filter(item -> !isPause(item))
                    .forEach(item -> byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(item));
        }
        Map<UUID, Neighbour[]> neighbours = new HashMap<>();
        for (List<ItemView> items : byRoom.values()) {
            items.sort(Comparator.comparing(ItemView::start).thenComparing(ItemView::end));
            for (int i = 0; i < items.size(); i++) {
                neighbours.put(items.get(i).id(), new Neighbour[] {
                        i > 0 ? neighbour(event, items.get(i - 1)) : null,
                        i + 1 < items.size() ? neighbour(event, items.get(i + 1)) : null});
            }
        }
        return neighbours;
    }

    private static Neighbour neighbour(EventView event, ItemView item) {
        return new Neighbour(item.id(), title(item), item.start().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + " " + TIME.format(item.start()), page(event, item));
    }

    private static List<Person> people(List<UUID> ids, Map<UUID, PersonView> people, Function<PersonView, String> photos) {
        return ids.stream().map(people::get).filter(Objects::nonNull)
                .map(p -> new Person(PersonCard.of(p, photos.apply(p), null), blankToNull(p.bio()),
                        blank(p.bio()) ? "" : Markdown.html(p.bio())))
                .toList();
    }

    static String title(ItemView item) {
        return blank(item.title()) ? kindName(item.kind()) : item.title();
    }

    /** "invited-talk" as a reader says it: "Invited talk". */
    static String kindName(String kind) {
        if (blank(kind)) {
            return "Program item";
        }
        String words = kind.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text;
    }
}
