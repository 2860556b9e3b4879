package org.lectern.people.profile;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import org.lectern.people.api.RegisterPeople;

/**
 * Takes {@link RegisterPeople} from {@code lectern.people.registrations} (wired in server.xml) and
 * creates the people that do not exist yet. A failure is rethrown: the broker retries, then
 * dead-letters the message.
 */
@MessageDriven
public class RegistrationsListener implements MessageListener {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    PeopleEditor editor;

    @Override
    public void onMessage(Message message) {
        try {
            String type = message.getStringProperty("type");
            int schema = message.getIntProperty("schemaVersion");
            if (!RegisterPeople.TYPE.equals(type) || schema != RegisterPeople.SCHEMA_VERSION) {
                throw new IllegalStateException("Cannot read " + type + " schema " + schema + " on lectern.people.registrations");
            }
            editor.register(JSON.fromJson(((TextMessage) message).getText(), RegisterPeople.class));
        } catch (JMSException | JsonbException | ClassCastException | NumberFormatException e) {
            throw new IllegalStateException("Unreadable message on lectern.people.registrations", e);
        }
    }
}
