package org.lectern.publishing.site;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.lectern.events.api.PersonRole;
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.PersonView;

/** {@code /people/{slug}/}: a person's profile and what they do across the published events. */
final class PersonPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm (zzz)", Locale.ENGLISH);

    /** One part they play; {@code page} is the talk page of an item they speak at or moderate, else the schedule. */
    record Role(String what, String title, String when, String isoStart, String page) {
    }

    record AtEvent(String title, String home, String schedule, List<Role> roles) {
    }

    record Link(String label, String url) {
    }

    private PersonPage() {
    }

    static String folder(PersonView person) {
        return "people/" + person.slug();
    }

    static byte[] render(PersonView person, String photo, List<PersonRole> roles, String feed, String webcalFeed) {
        Map<UUID, AtEvent> byEvent = new LinkedHashMap<>();
        for (PersonRole role : roles) {
            AtEvent at = byEvent.computeIfAbsent(role.eventId(), id -> new AtEvent(role.eventTitle(),
                    "/events/" + role.eventSlug() + "/", "/events/" + role.eventSlug() + "/schedule/", new ArrayList<>()));
            boolean onItem = role.role() == PersonRole.Role.SPEAKER || role.role() == PersonRole.Role.MODERATOR;
            at.roles().add(new Role(role.role().label(), role.title(),
                    role.start() == null ? null : WHEN.format(role.start()),
                    role.start() == null ? null : role.start().toOffsetDateTime().toString(),
                    onItem && role.itemId() != null ? TalkPage.page(role.eventSlug(), role.itemId()) : at.schedule()));
        }
        List<Link> links = new ArrayList<>();
        String homepage = SafeUrls.orNull(person.homepage());
        if (homepage != null) {
            links.add(new Link("Homepage", homepage));
        }
        person.links().forEach(l -> {
            String url = SafeUrls.orNull(l.url());
            if (url != null) {
                links.add(new Link(l.label() == null || l.label().isBlank() ? url : l.label(), url));
            }
        });
        Map<String, Object> model = new HashMap<>();
        model.put("card", PersonCard.of(person, photo, null));
        model.put("former", person.affiliations().stream().filter(AffiliationView::former).map(AffiliationView::name).toList());
        model.put("bioHtml", Markdown.html(person.bio()));
        model.put("links", links);
        model.put("events", List.copyOf(byEvent.values()));
        model.put("feed", feed);
        model.put("webcalFeed", webcalFeed);
        return Templates.render("person", model);
    }
}
