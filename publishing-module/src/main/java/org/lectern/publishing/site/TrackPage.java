package org.lectern.publishing.site;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;
import org.lectern.publishing.calendar.CalendarFeed;

/**
 * {@code /events/{slug}/tracks/{track}/}: the talks of one conference track, by day, each linking
 * to its talk page, with the track's own feed beside it ({@code calendar.ics}). A track has a
 * colour, one of a fixed palette chosen from its name, so it is the same on every page and every
 * publish; its pages and the schedule mark its talks with it.
 */
public final class TrackPage {

    /** How many colours the stylesheet's palette has ({@code .track-0} ... ). */
    static final int COLOURS = 12;

    /** A track of an event: its name as the organizers wrote it, its folder and its colour. */
    public record Track(String name, String slug, int colour) {

        public String page(EventView event) {
            return "/events/" + event.slug() + "/tracks/" + slug + "/";
        }

        public String cssClass() {
            return "track-" + colour;
        }
    }

    private TrackPage() {
    }

    /**
     * The event's tracks in the order their first talk comes, each with a folder name unique within
     * the event (letters and digits of the name; a number added when two names read the same).
     */
    public static Map<String, Track> tracks(EventView event) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (SessionView session : event.sessions()) {
            for (ItemView item : session.items()) {
                String name = item.track();
                if (name == null || name.isBlank() || tracks.containsKey(name)) {
                    continue;
                }
                String base = slug(name);
                int seen = taken.merge(base, 1, Integer::sum);
                tracks.put(name, new Track(name, seen == 1 ? base : base + "-" + seen, Math.floorMod(name.hashCode(), COLOURS)));
            }
        }
        return tracks;
    }

    /** "Science & Engineering" becomes "science-engineering"; a name of no Latin letters or digits "track-" and a number. */
    static String slug(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "track-" + Integer.toUnsignedString(name.hashCode(), 36) : slug;
    }

    static String folder(EventView event, Track track) {
        return "events/" + event.slug() + "/tracks/" + track.slug() + "/";
    }

    /** The schedule's model, narrowed to the track: its days, and in each the sessions with its talks. */
    static List<SchedulePage.Day> days(EventView event, Track track, Map<UUID, PersonView> people) {
        return SchedulePage.days(withSessions(event, sessions(event, track)), people, tracks(event));
    }

    /** The event's sessions cut to the track's talks (a session without any is left out). */
    static List<SessionView> sessions(EventView event, Track track) {
        List<SessionView> sessions = new ArrayList<>();
        for (SessionView session : event.sessions()) {
            List<ItemView> items = session.items().stream().filter(i -> track.name().equals(i.track())).toList();
            if (!items.isEmpty()) {
                sessions.add(new SessionView(session.id(), session.title(), session.kind(), session.room(), session.chairs(),
                        items.get(0).start(), items.get(items.size() - 1).end(), items));
            }
        }
        return sessions;
    }

    /** The track's talks as a feed, with the UIDs, sequences and entries of the event's own feed. */
    static byte[] calendar(EventView event, Track track, Map<UUID, PersonView> people, URI page, URI schedule, String uidHost) {
        return CalendarFeed.named(event.title() + " \u00b7 " + track.name(), page, uidHost)
                .addEvent(withSessions(event, sessions(event, track)), people, schedule).bytes();
    }

    static byte[] render(EventView event, Track track, Map<UUID, PersonView> people, Links links, String feed, String webcal) {
        return Templates.render("track", Map.of("event", event, "links", links, "track", track,
                "days", days(event, track, people), "feed", feed, "webcal", webcal));
    }

    /** The event with only these sessions: what the track's feed holds. */
    static EventView withSessions(EventView event, List<SessionView> sessions) {
        return new EventView(event.id(), event.slug(), event.title(), event.shortTitle(), event.kind(), event.zone(),
                event.startDate(), event.endDate(), event.venue(), event.hostConference(), event.sections(), event.topics(),
                event.links(), event.announcements(), event.sponsors(), event.papers(), event.committee(),
                null, List.of(), event.status(), event.version(), event.updatedAt(), sessions);
    }
}
