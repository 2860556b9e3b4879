package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 1 with the broker down at commit, both ways DESIGN.md allows:
 * <ul>
 * <li>the people module writes the database and sends the message in one XA transaction, so it
 *     refuses the change (503 problem, nothing written) rather than keeping it to send later: after
 *     the broker returns, no message for it ever arrives;</li>
 * <li>the events module writes its messages to an outbox table in the change's transaction, so it
 *     keeps the change (nothing about it waits for the broker), and the message is sent once the
 *     broker is back.</li>
 * </ul>
 * Meanwhile the site is served, readiness reports the broker down while liveness stays up, and the
 * server recovers by itself: the next change is accepted and consumed.
 */
class BrokerOutageIT {

    static final Duration OUTAGE_DETECTED = Duration.ofSeconds(60);
    static final Duration RECOVERY = Duration.ofMinutes(2);

    final Lectern lectern = new Lectern();

    @Test
    void aPersonChangeWhileTheBrokerIsDownIsRefusedAnEventChangeIsKeptAndSentLaterAndTheServerRecoversByItself()
            throws Exception {
        Stack.assumeProduction();
        String probe = "broker-outage-probe-" + UUID.randomUUID();
        // our own durable subscriptions keep every message sent from now on
        try (ActiveMQConnectionFactory factory = brokerConnections(); JMSContext context = factory.createContext()) {
            context.createSharedDurableConsumer(topic("lectern.people"), probe + "-people").close();
            context.createSharedDurableConsumer(topic("lectern.events"), probe + "-events").close();
        }
        String kept;
        String refusedName = Lectern.unique("Refused While The Broker Is Down");
        byte[] siteBefore = lectern.target("").request().get(byte[].class);
        Broker.stop();
        try {
            Health ready = Health.awaitReadiness(lectern::target, 503, OUTAGE_DETECTED);
            assertEquals("DOWN", ready.check("broker"), ready.toString());
            assertEquals("UP", ready.check("database"), ready.toString());
            assertEquals(200, Health.read(lectern::target, "health/live").status(), "liveness ignores the broker");

            Lectern.assertRefusedAsUnavailable("BrokerOutageIT", () -> lectern.post("api/people", Map.of("name", refusedName)),
                    "The message broker is unreachable");
            kept = (String) lectern.create("api/events", Map.of("slug", Lectern.unique("kept-while-the-broker-is-down"),
                    "title", "Kept While The Broker Is Down", "kind", "workshop", "timeZone", "Europe/London",
                    "startDate", "2027-03-01", "endDate", "2027-03-01")).get("id");
            assertTrue(MetricsIT.awaitOutbox(lectern, waiting -> waiting >= 1, Duration.ofSeconds(10)) >= 1,
                    "the kept change's message waits in the outbox, on /metrics");
            assertTrue(MetricsIT.sample(lectern.metrics(), "lectern_outbox_oldest_age_seconds", "").orElseThrow() > 0,
                    "and how long it has waited");
            assertTrue(java.util.Arrays.equals(siteBefore, lectern.target("").request().get(byte[].class)),
                    "the published site is served as it was");
            assertEquals(200, lectern.status("calendar.ics"), "and so are the feeds");
            assertEquals(200, Health.read(lectern::target, "health/live").status(), "liveness does not flap");
        } finally {
            Broker.start();
        }

        Health ready = Health.awaitReadiness(lectern::target, 200, RECOVERY);
        assertEquals("UP", ready.check("broker"));
        assertEquals(200, Health.read(lectern::target, "health/live").status());
        Map<String, Object> search = Lectern.json(lectern.get("api/people?q=" + refusedName.replace(' ', '+')));
        assertEquals(0, ((Number) search.get("total")).intValue(), "the refused change wrote nothing: " + search);

        // the server writes and sends again without a restart, and its listener consumes again
        String accepted = (String) lectern.create("api/people", Map.of("name", Lectern.unique("After The Broker Returned"))).get("id");
        String listenerQueue = Broker.subscription("lectern", "publishing-people");
        awaitConsumed(listenerQueue);

        // every message sent since the probe names a change that was written: none for the refused one
        List<String> announced = drain(probe + "-people", "lectern.people", "PersonChanged", accepted);
        assertTrue(announced.contains(accepted), "the accepted change was sent: " + announced);
        for (String personId : announced) {
            assertEquals(200, lectern.status("api/people/" + personId), "a message for a change that was never written: " + personId);
        }

        // the event change made during the outage was kept, and its message left the outbox once the broker was back
        assertEquals(200, lectern.status("api/events/" + kept));
        List<String> eventsAnnounced = drain(probe + "-events", "lectern.events", "EventChanged", kept);
        assertTrue(eventsAnnounced.contains(kept), "the event change kept during the outage was sent later: " + eventsAnnounced);
        assertEquals(0.0, MetricsIT.awaitOutbox(lectern, waiting -> waiting == 0, RECOVERY), "and the outbox is empty again");
    }

    /** Polls until the queue's listener has acknowledged everything added to it. */
    static void awaitConsumed(String queue) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            if (Broker.queueCounter(queue, "messageCount") == 0 && Broker.queueCounter(queue, "consumerCount") > 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(queue + " was not consumed: " + Broker.queueCounter(queue, "messageCount") + " messages, "
                + Broker.queueCounter(queue, "consumerCount") + " consumers");
    }

    /**
     * The aggregate ids of every message of one type on a probe subscription, read until {@code awaited}
     * is among them or {@link #RECOVERY} has passed; removes the subscription.
     */
    private static List<String> drain(String probe, String topic, String type, String awaited) throws Exception {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        try (ActiveMQConnectionFactory factory = brokerConnections(); JMSContext context = factory.createContext()) {
            try (JMSConsumer consumer = context.createSharedDurableConsumer(topic(topic), probe)) {
                for (Message message = consumer.receive(5000);
                     message != null || (!ids.contains(awaited) && System.nanoTime() < deadline);
                     message = consumer.receive(1000)) {
                    if (message != null && type.equals(message.getStringProperty("type"))) {
                        ids.add(message.getStringProperty("aggregateId"));
                    }
                }
            }
            context.unsubscribe(probe);
        }
        return ids;
    }

    private static ActiveMQConnectionFactory brokerConnections() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + Broker.PORT, Broker.USER, Broker.PASSWORD);
    }

    private static Topic topic(String address) {
        return ActiveMQJMSClient.createTopic(address);
    }
}
