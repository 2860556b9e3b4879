package org.lectern.publishing.site;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.PersonView;

/**
 * {@code /events/{slug}/speakers/}: everyone on the program (speakers, moderators, session chairs,
 * course speakers and presenters), by name, with photo, affiliation, bio and what they do here.
 */
public final class SpeakersPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** One part a person plays; {@code page} is the talk page of an item, or null. */
    record Part(String what, String title, String when, String isoStart, boolean cancelled, String page) {
    }

    record Speaker(PersonCard card, String bioHtml, List<Part> parts) {
    }

    private SpeakersPage() {
    }

    /** Whether the page lists anyone: a chair, a speaker or moderator, a course's speaker or presenter. */
    public static boolean listsAnyone(EventView event) {
        return event.sessions().stream().anyMatch(s -> !s.chairs().isEmpty()
                        || s.items().stream().anyMatch(i -> !i.speakerIds().isEmpty() || !i.moderatorIds().isEmpty()))
                || event.meetings().stream().anyMatch(m -> !m.speakerIds().isEmpty()
                        || m.papers().stream().anyMatch(p -> !p.presenterIds().isEmpty()));
    }

    static String path(EventView event) {
        return "events/" + event.slug() + "/speakers/index.html";
    }

    static byte[] render(EventView event, Map<UUID, PersonView> people, Links links, Function<PersonView, String> photos) {
        Map<UUID, List<Part>> parts = new LinkedHashMap<>();
        for (SessionView session : event.sessions()) {
            session.chairs().forEach(id -> add(parts, id, "Chair", session.title(), session.start(), false, null));
            for (ItemView item : session.items()) {
                item.speakerIds().forEach(id -> add(parts, id, "Speaker", item.title(), item.start(), item.cancelled(),
                        TalkPage.page(event, item)));
                item.moderatorIds().forEach(id -> add(parts, id, "Moderator", item.title(), item.start(), item.cancelled(),
                        TalkPage.page(event, item)));
            }
        }
        for (MeetingView meeting : event.meetings()) {
            String title = meeting.title() == null || meeting.title().isBlank() ? event.title() : meeting.title();
            meeting.speakerIds().forEach(id -> add(parts, id, "Speaker", title, meeting.start(), meeting.cancelled(), null));
            for (MeetingView.Paper paper : meeting.papers()) {
                paper.presenterIds().forEach(id -> add(parts, id, "Presenter", paper.title(), meeting.start(), meeting.cancelled(), null));
            }
        }
        List<Speaker> speakers = new ArrayList<>();
        parts.forEach((id, theirs) -> {
            PersonView person = people.get(id);
            if (person != null) {
                speakers.add(new Speaker(PersonCard.of(person, photos.apply(person), null), Markdown.html(person.bio()), theirs));
            }
        });
        speakers.sort(Comparator.comparing((Speaker s) -> s.card().name(), String.CASE_INSENSITIVE_ORDER));
        return Templates.render("speakers", Map.of("event", event, "links", links, "speakers", speakers));
    }

    private static void add(Map<UUID, List<Part>> parts, UUID personId, String what, String title, ZonedDateTime start,
                            boolean cancelled, String page) {
        parts.computeIfAbsent(personId, id -> new ArrayList<>())
                .add(new Part(what, title, WHEN.format(start), start.toOffsetDateTime().toString(), cancelled, page));
    }
}
