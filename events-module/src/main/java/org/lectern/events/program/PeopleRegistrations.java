package org.lectern.events.program;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.lectern.events.outbox.Outbox;
import org.lectern.events.outbox.OutboxMessage;
import org.lectern.people.api.RegisterPeople;

/**
 * Asks the people module to make sure imported people exist: a RegisterPeople message on
 * {@code lectern.people.registrations}, written to the {@link Outbox} in the caller's transaction.
 */
@ApplicationScoped
class PeopleRegistrations {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    private Outbox outbox;

    void register(List<RegisterPeople.Person> people, String source, Instant at) {
        if (people.isEmpty()) {
            return;
        }
        outbox.add(new OutboxMessage(OutboxMessage.Destination.PEOPLE_REGISTRATIONS, RegisterPeople.TYPE,
                RegisterPeople.SCHEMA_VERSION, null, null, at, JSON.toJson(new RegisterPeople(people, source, at))));
    }
}
