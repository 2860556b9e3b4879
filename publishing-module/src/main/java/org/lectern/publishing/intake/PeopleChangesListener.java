package org.lectern.publishing.intake;

import java.util.UUID;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.lectern.people.api.PersonChanged;
import org.lectern.people.api.PersonRemoved;
import org.lectern.publishing.site.RenderQueue;

/** Takes people's changes from {@code lectern.people} and marks them, and the events that show them, for rendering. */
@MessageDriven
public class PeopleChangesListener implements MessageListener {

    static final String TOPIC = "lectern.people";

    @Inject
    RenderQueue queue;

    @Inject
    ConsumedMessages consumed;

    @Override
    public void onMessage(Message message) {
        queue.personChanged(personId(message));
        consumed.count(TOPIC);
    }

    /** The person a message names, as this listener reads it; {@link UnreadableMessage} when it cannot. */
    static UUID personId(Message message) {
        return switch (type(message)) {
            case PersonChanged.TYPE -> Envelope.open(message, PersonChanged.TYPE, PersonChanged.SCHEMA_VERSION,
                    PersonChanged.class).personId();
            case PersonRemoved.TYPE -> Envelope.open(message, PersonRemoved.TYPE, PersonRemoved.SCHEMA_VERSION,
                    PersonRemoved.class).personId();
            default -> throw new UnreadableMessage("Unknown message type " + type(message) + " on " + TOPIC);
        };
    }

    private static String type(Message message) {
        try {
            return String.valueOf(message.getStringProperty("type"));
        } catch (JMSException e) {
            throw new UnreadableMessage("Message without a type", e);
        }
    }
}
