package org.lectern.publishing.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

/**
 * The broker's dead-letter address: messages some consumer gave up on after the broker's delivery
 * attempts ran out (server.xml: {@code artemis.max.delivery.attempts}). Lists them, counts them,
 * and sends them back to the subscription that failed them.
 *
 * <p>Artemis records where a dead letter was going in {@code _AMQ_ORIG_ADDRESS} and
 * {@code _AMQ_ORIG_QUEUE}. A replay sends a copy to that queue by its fully qualified name
 * ({@code address::queue}), so only the consumer that failed gets it again, not every
 * subscriber of the topic; taking it off the dead-letter address and sending the copy happen in
 * one transaction, so a replay neither loses nor doubles it.
 */
@ApplicationScoped
public class DeadLetters {

    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    /** Artemis' routing type of the original address: 0 multicast (a topic), 1 anycast (a queue). */
    static final String ORIGINAL_ROUTING_TYPE = "_AMQ_ORIG_ROUTING_TYPE";
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,64}");
    private static final int BODY_START = 200;
    /** How long a replay waits for the next dead letter to arrive at its consumer. */
    private static final long RECEIVE_MILLIS = 1000;

    @Resource(name = "jms/lectern")
    ConnectionFactory connections;

    @Resource(name = "jms/lectern.dead-letters")
    Queue deadLetters;

    /** Every dead letter, oldest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (JMSContext context = connections.createContext();
             QueueBrowser browser = context.createBrowser(deadLetters)) {
            for (Message message : Collections.list(messages(browser))) {
                letters.add(describe(message));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot browse the dead letters: " + e.getMessage(), e.getErrorCode(), e);
        }
        return letters;
    }

    /** How many dead letters wait (the metric {@code lectern.dead.letters}). */
    public int count() {
        try (JMSContext context = connections.createContext();
             QueueBrowser browser = context.createBrowser(deadLetters)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot browse the dead letters: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Sends every dead letter back where it was going. */
    @Transactional
    public List<Replayed> replayAll() {
        return replay(null);
    }

    /** Sends the dead letter with this id back (empty when there is none). */
    @Transactional
    public List<Replayed> replay(String id) {
        if (id != null && !MESSAGE_ID.matcher(id).matches()) {
            return List.of();
        }
        List<Replayed> replayed = new ArrayList<>();
        // the context joins the request's JTA transaction: the receives and sends commit together
        try (JMSContext context = connections.createContext();
             JMSConsumer consumer = id == null ? context.createConsumer(deadLetters)
                     : context.createConsumer(deadLetters, "JMSMessageID = '" + id + "'")) {
            for (Message letter = consumer.receive(RECEIVE_MILLIS); letter != null;
                 letter = consumer.receive(RECEIVE_MILLIS)) {
                replayed.add(sendBack(context, letter));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot replay dead letters: " + e.getMessage(), e.getErrorCode(), e);
        }
        return replayed;
    }

    private static Replayed sendBack(JMSContext context, Message letter) throws JMSException {
        String address = originalAddress(letter);
        if (address == null) {
            throw new JMSException("Dead letter " + letter.getJMSMessageID() + " does not say where it was going");
        }
        String queue = letter.getStringProperty(ORIGINAL_QUEUE);
        String target = queue == null ? address : address + "::" + queue;
        boolean topic = !(letter.getObjectProperty(ORIGINAL_ROUTING_TYPE) instanceof Number type) || type.intValue() == 0;
        Destination destination = topic ? context.createTopic(target) : context.createQueue(target);

        Message copy = copyOf(context, letter);
        context.createProducer().send(destination, copy);
        return new Replayed(letter.getJMSMessageID(), copy.getJMSMessageID(), target);
    }

    /** A new message with the letter's body and its application properties (the broker's own left out). */
    private static Message copyOf(JMSContext context, Message letter) throws JMSException {
        Message copy;
        if (letter instanceof TextMessage text) {
            copy = context.createTextMessage(text.getText());
        } else if (letter instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage bytesCopy = context.createBytesMessage();
            bytesCopy.writeBytes(body);
            copy = bytesCopy;
        } else {
            copy = context.createMessage();
        }
        for (String name : Collections.list(propertyNames(letter))) {
            if (!name.startsWith("_AMQ") && !name.startsWith("__AMQ") && !name.startsWith("JMSX")) {
                copy.setObjectProperty(name, letter.getObjectProperty(name));
            }
        }
        return copy;
    }

    /**
     * The address the letter was going to. A letter that was itself a replay was sent to
     * {@code address::queue}, and a broker may record that whole name as its original address
     * (the standalone 2.56 broker does, the embedded one does not): only the part before
     * {@code ::} is the address. Sent on as it stands, the copy would go to a queue that does not
     * exist, and a topic drops what no queue takes.
     */
    static String originalAddress(Message letter) throws JMSException {
        String address = letter.getStringProperty(ORIGINAL_ADDRESS);
        int queuePart = address == null ? -1 : address.indexOf("::");
        return queuePart < 0 ? address : address.substring(0, queuePart);
    }

    private static DeadLetter describe(Message message) throws JMSException {
        String address = originalAddress(message);
        return new DeadLetter(message.getJMSMessageID(), address, message.getStringProperty(ORIGINAL_QUEUE),
                text(message, "type"), text(message, "schemaVersion"), text(message, "aggregateId"),
                text(message, "occurredAt"),
                message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()),
                problemWith(message, address), bodyStart(message));
    }

    /** Why this module cannot read the message, tried with the listener's own rules. */
    private static String problemWith(Message message, String address) {
        try {
            if (EventChangesListener.TOPIC.equals(address)) {
                EventChangesListener.read(message);
            } else if (PeopleChangesListener.TOPIC.equals(address)) {
                PeopleChangesListener.personId(message);
            } else {
                return "Not the publishing module's address; see the log of the module that reads " + address;
            }
            return "Readable now: it failed for another reason (see the server log); a replay may succeed";
        } catch (UnreadableMessage e) {
            return e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause().getMessage();
        }
    }

    private static String text(Message message, String property) throws JMSException {
        Object value = message.getObjectProperty(property);
        return value == null ? null : value.toString();
    }

    private static String bodyStart(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            return null;
        }
        String body = text.getText();
        return body.length() <= BODY_START ? body : body.substring(0, BODY_START) + "…";
    }

    @SuppressWarnings("unchecked")
    private static Enumeration<Message> messages(QueueBrowser browser) throws JMSException {
        return (Enumeration<Message>) browser.getEnumeration();
    }

    @SuppressWarnings("unchecked")
    private static Enumeration<String> propertyNames(Message message) throws JMSException {
        return (Enumeration<String>) message.getPropertyNames();
    }
}
