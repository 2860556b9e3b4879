package org.lectern.events.program;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.lectern.events.api.EventChanged;
import org.lectern.events.outbox.Outbox;
import org.lectern.events.outbox.OutboxMessage;

/**
 * Sends {@link EventChanged} on {@code lectern.events}, through the {@link Outbox}: the message is
 * written in the caller's transaction, so it exists if and only if the change commits.
 */
@ApplicationScoped
class EventMessages {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    private Outbox outbox;

    void changed(Event event, EventChanged.Kind kind, ProgramChange change, Instant at) {
        EventChanged message = new EventChanged(event.id(), event.version(), kind, change.sessionIds(),
                change.itemIds(), change.peopleAdded(), change.peopleRemoved(), at);
        outbox.add(new OutboxMessage(OutboxMessage.Destination.EVENTS, EventChanged.TYPE, EventChanged.SCHEMA_VERSION,
                message.eventId().toString(), message.eventVersion(), at, JSON.toJson(message)));
    }
}
