package org.lectern.publishing.site;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.lectern.events.api.EventView;
import org.lectern.events.api.EventView.AnnouncementView;
import org.lectern.people.api.PersonView;

/**
 * {@code /events/{slug}/}: what the event is (about sections, topics), news, the committee with
 * photos and affiliations, the host conference and venue, links, sponsors, papers and awards.
 * Organizers' markdown is rendered with raw HTML escaped; every other value is escaped by the
 * template; links are shown only for http(s) addresses.
 */
final class EventHomePage {

    private static final DateTimeFormatter NEWS_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    record Section(String heading, String html) {
    }

    record News(String date, String isoDate, String html, boolean pinned) {
    }

    record Group(String name, List<PersonCard> members) {
    }

    record Link(String label, String url) {
    }

    record Paper(String title, String authors, String url, String award) {
    }

    private EventHomePage() {
    }

    static String path(EventView event) {
        return "events/" + event.slug() + "/index.html";
    }

    static byte[] render(EventView event, Map<UUID, PersonView> people, Links links, String dates,
                         Function<PersonView, String> photos) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("links", links);
        model.put("dates", dates);
        model.put("venue", event.venue() == null || event.venue().label().isBlank() ? null : event.venue().label());
        model.put("host", event.hostConference() == null ? null
                : new Link(event.hostConference().name(), SafeUrls.orNull(event.hostConference().url())));
        model.put("news", event.announcements().stream()
                .sorted(Comparator.comparing(AnnouncementView::pinned).reversed()
                        .thenComparing(AnnouncementView::date, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(a -> new News(a.date() == null ? null : NEWS_DATE.format(a.date()),
                        a.date() == null ? null : a.date().toString(), Markdown.html(a.text()), a.pinned()))
                .toList());
        model.put("sections", event.sections().stream().map(s -> new Section(s.heading(), Markdown.html(s.body()))).toList());
        model.put("topics", event.topics().stream().map(t -> new Section(t.title(), Markdown.html(t.description()))).toList());
        model.put("committee", event.committee().stream()
                .map(g -> new Group(g.name(), g.members().stream()
                        .map(m -> {
                            PersonView person = people.get(m.personId());
                            return person == null ? null : PersonCard.of(person, photos.apply(person), m.role());
                        })
                        .filter(Objects::nonNull).toList()))
                .filter(g -> !g.members().isEmpty())
                .toList());
        model.put("eventLinks", event.links().stream()
                .filter(l -> SafeUrls.orNull(l.url()) != null)
                .map(l -> new Link(l.label() == null || l.label().isBlank() ? l.kind() : l.label(), SafeUrls.orNull(l.url())))
                .toList());
        model.put("sponsors", event.sponsors().stream().map(s -> new Link(s.name(), SafeUrls.orNull(s.url()))).toList());
        model.put("papers", event.papers().stream()
                .map(p -> new Paper(p.title(), p.authors(), SafeUrls.orNull(p.url()), p.award()))
                .sorted(Comparator.comparing((Paper p) -> p.award() == null || p.award().isBlank()))
                .toList());
        return Templates.render("event", model);
    }
}
