package org.lectern.events.api;

import java.time.ZonedDateTime;
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

    public enum Role { SPEAKER, MODERATOR, CHAIR, COMMITTEE, MEETING_SPEAKER }
}
