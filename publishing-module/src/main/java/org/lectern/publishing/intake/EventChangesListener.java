package org.lectern.publishing.intake;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.lectern.events.api.EventChanged;
import org.lectern.publishing.site.RenderQueue;

/**
 * Takes {@link EventChanged} from the publishing module's durable subscription on
 * {@code lectern.events} (wired in server.xml) and marks the event for rendering. A message it
 * cannot read is rethrown: the delivery rolls back and, after the broker's attempts run out,
 * lands in the dead letters ({@link DeadLetters}).
 */
@MessageDriven
public class EventChangesListener implements MessageListener {

    static final String TOPIC = "lectern.events";

    @Inject
    RenderQueue queue;

    @Inject
    ConsumedMessages consumed;

    @Override
    public void onMessage(Message message) {
        queue.eventChanged(read(message));
        consumed.count(TOPIC);
    }

    /** The message as this listener reads it; {@link UnreadableMessage} when it cannot. */
    static EventChanged read(Message message) {
        return Envelope.open(message, EventChanged.TYPE, EventChanged.SCHEMA_VERSION, EventChanged.class);
    }
}
