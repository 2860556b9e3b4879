package org.lectern.events.api;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Something a person does at a published event: speak in an item, moderate it, chair a session,
 * sit on the committee, speak or present at a course meeting. {@code itemId} is the item or
 * session it refers to (null for the committee); times are null where the role has none.
 */
public record PersonRole(
        UUID eventId,
        String eventSlug,
        String eventTitle,
        Role role,
        UUID itemId,
        String title,
        ZonedDateTime start,
        ZonedDateTime end) {

    public enum Role {
        SPEAKER("Speaker"), MODERATOR("Moderator"), CHAIR("Session chair"), COMMITTEE("Committee"),
        MEETING_SPEAKER("Speaker");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        /** How pages name the role: "Speaker", "Session chair", ... */
        public String label() {
            return label;
        }
    }

    /** Roles in event order (by slug), then by time; committee roles (no time) first. */
    public static final Comparator<PersonRole> BY_EVENT_THEN_TIME = Comparator.comparing(PersonRole::eventSlug)
            .thenComparing(PersonRole::start, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** What the person does at this event: the one place that says which parts of an event name a person. */
    public static List<PersonRole> at(EventView event, UUID personId) {
        List<PersonRole> roles = new ArrayList<>();
        for (SessionView session : event.sessions()) {
            if (session.chairs().contains(personId)) {
                roles.add(new PersonRole(event.id(), event.slug(), event.title(), Role.CHAIR, session.id(),
                        session.title(), session.start(), session.end()));
            }
            for (ItemView item : session.items()) {
                if (item.speakerIds().contains(personId)) {
                    roles.add(new PersonRole(event.id(), event.slug(), event.title(), Role.SPEAKER,
                            item.id(), item.title(), item.start(), item.end()));
                }
                if (item.moderatorIds().contains(personId)) {
                    roles.add(new PersonRole(event.id(), event.slug(), event.title(), Role.MODERATOR,
                            item.id(), item.title(), item.start(), item.end()));
                }
            }
        }
        for (MeetingView meeting : event.meetings()) {
            boolean presents = meeting.papers().stream().anyMatch(p -> p.presenterIds().contains(personId));
            if (meeting.speakerIds().contains(personId) || presents) {
                roles.add(new PersonRole(event.id(), event.slug(), event.title(), Role.MEETING_SPEAKER, null,
                        meeting.title() != null ? meeting.title() : event.title(), meeting.start(), meeting.end()));
            }
        }
        event.committee().stream()
                .filter(g -> g.members().stream().anyMatch(m -> m.personId().equals(personId)))
                .forEach(g -> roles.add(new PersonRole(event.id(), event.slug(), event.title(), Role.COMMITTEE,
                        null, g.name(), null, null)));
        return roles;
    }
}
