package org.lectern.events.program;

import java.time.Instant;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.lectern.events.api.EventChanged;

/**
 * Sends {@link EventChanged} on {@code lectern.events}. The JMS session joins the caller's JTA
 * transaction (XA with the database), so the message exists if and only if the change commits.
 */
@ApplicationScoped
class EventMessages {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(name = "jms/lectern")
    private ConnectionFactory connections;

    @Resource(name = "jms/lectern.events")
    private Topic topic;

    void changed(Event event, EventChanged.Kind kind, ProgramChange change, Instant at) {
        EventChanged message = new EventChanged(event.id(), event.version(), kind, change.sessionIds(),
                change.itemIds(), change.peopleAdded(), change.peopleRemoved(), at);
        try (JMSContext context = connections.createContext()) {
            context.createProducer()
                    .setProperty("type", EventChanged.TYPE)
                    .setProperty("schemaVersion", EventChanged.SCHEMA_VERSION)
                    .setProperty("aggregateId", message.eventId().toString())
                    .setProperty("aggregateVersion", message.eventVersion())
                    .setProperty("occurredAt", at.toString())
                    .send(topic, JSON.toJson(message));
        }
    }
}
