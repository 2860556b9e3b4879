package org.lectern.events.intake;

import java.util.UUID;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import org.lectern.events.program.EventEditor;
import org.lectern.people.api.PersonRemoved;

/**
 * The events module's subscription to {@code lectern.people} (wired in server.xml): when a person
 * is deleted, they are taken off every program. Other people messages are not its business. A
 * failure is rethrown, so the broker retries and in the end dead-letters the message.
 */
@MessageDriven
public class PeopleRemovalsListener implements MessageListener {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    EventEditor editor;

    @Override
    public void onMessage(Message message) {
        try {
            if (!PersonRemoved.TYPE.equals(message.getStringProperty("type"))) {
                return;
            }
            int schema = message.getIntProperty("schemaVersion");
            if (schema != PersonRemoved.SCHEMA_VERSION) {
                throw new IllegalStateException("Cannot read PersonRemoved schema " + schema);
            }
            UUID personId = JSON.fromJson(((TextMessage) message).getText(), PersonRemoved.class).personId();
            editor.removePerson(personId);
        } catch (JMSException | JsonbException | ClassCastException | NumberFormatException e) {
            throw new IllegalStateException("Unreadable message on lectern.people", e);
        }
    }
}
