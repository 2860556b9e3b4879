package org.lectern.events.program;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.lectern.people.api.RegisterPeople;

/** Asks the people module, in the caller's transaction, to make sure imported people exist. */
@ApplicationScoped
class PeopleRegistrations {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(name = "jms/lectern")
    private ConnectionFactory connections;

    @Resource(name = "jms/lectern.people.registrations")
    private Queue queue;

    void register(List<RegisterPeople.Person> people, String source, Instant at) {
        if (people.isEmpty()) {
            return;
        }
        try (JMSContext context = connections.createContext()) {
            context.createProducer()
                    .setProperty("type", RegisterPeople.TYPE)
                    .setProperty("schemaVersion", RegisterPeople.SCHEMA_VERSION)
                    .setProperty("occurredAt", at.toString())
                    .send(queue, JSON.toJson(new RegisterPeople(people, source, at)));
        }
    }
}
