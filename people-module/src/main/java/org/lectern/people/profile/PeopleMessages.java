package org.lectern.people.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.lectern.people.api.PersonChanged;
import org.lectern.people.api.PersonRemoved;

/**
 * Sends the people module's messages on {@code lectern.people}. The JMS session joins the
 * caller's JTA transaction, so a message leaves the broker's hands only if the change commits.
 */
@ApplicationScoped
class PeopleMessages {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(name = "jms/lectern")
    private ConnectionFactory connections;

    @Resource(name = "jms/lectern.people")
    private Topic topic;

    void changed(Person person, PersonChanged.Kind kind, Instant at) {
        send(PersonChanged.TYPE, PersonChanged.SCHEMA_VERSION, person.id(), person.version(), at,
                JSON.toJson(new PersonChanged(person.id(), person.version(), kind, at)));
    }

    void removed(Person person, Instant at) {
        send(PersonRemoved.TYPE, PersonRemoved.SCHEMA_VERSION, person.id(), person.version(), at,
                JSON.toJson(new PersonRemoved(person.id(), person.version(), at)));
    }

    private void send(String type, int schemaVersion, UUID aggregateId, long version, Instant at, String body) {
        try (JMSContext context = connections.createContext()) {
            context.createProducer()
                    .setProperty("type", type)
                    .setProperty("schemaVersion", schemaVersion)
                    .setProperty("aggregateId", aggregateId.toString())
                    .setProperty("aggregateVersion", version)
                    .setProperty("occurredAt", at.toString())
                    .send(topic, body);
        }
    }
}
