package org.lectern.publishing.intake;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** Opens a message of the agreed shape: a JSON text body with type and schemaVersion properties. */
final class Envelope {

    private static final Jsonb JSON = JsonbBuilder.create();

    private Envelope() {
    }

    static <T> T open(Message message, String type, int schemaVersion, Class<T> body) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new UnreadableMessage("Expected a JSON text message, got " + message.getClass().getSimpleName());
            }
            String actualType = message.getStringProperty("type");
            int actualVersion = message.getIntProperty("schemaVersion");
            if (!type.equals(actualType) || actualVersion != schemaVersion) {
                throw new UnreadableMessage("Cannot read " + actualType + " schema " + actualVersion
                        + "; this consumer reads " + type + " schema " + schemaVersion);
            }
            return JSON.fromJson(text.getText(), body);
        } catch (JMSException | JsonbException | NumberFormatException e) {
            throw new UnreadableMessage("Unreadable " + type + " message", e);
        }
    }
}
