package org.lectern.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #7, guarantee 2, on the real broker and the running Lectern beside this test: the very
 * messages a series of changes sent, delivered again twice each and in reverse order, leave every
 * published file of the event byte for byte as it was, and a clean rebuild gives the same bytes.
 * (Consumers read current state, so a stale or repeated message can only cause a render of the
 * present, never of the past.)
 */
@ExtendWith(ArquillianExtension.class)
class DuplicateDeliveryIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "duplicate-delivery.war")
                .addClasses(DuplicateDeliveryIT.class, AdminHttp.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Resource(lookup = "jms/lectern")
    ConnectionFactory connections;

    @Resource(lookup = "jms/lectern.events")
    Topic events;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    final AdminHttp http = new AdminHttp();

    /** A message as sent: its body and its properties. */
    record Sent(String body, Map<String, Object> properties) {
    }

    @Test
    void duplicatedAndReorderedMessagesPublishTheSameBytesAsACleanRebuild() throws Exception {
        String probe = "duplicates-probe-" + UUID.randomUUID();
        try (JMSContext context = connections.createContext()) {
            context.createSharedDurableConsumer(events, probe).close();
        }
        String slug;
        String eventId;
        List<Sent> sent;
        try {
            slug = "duplicates-" + UUID.randomUUID().toString().substring(0, 8);
            eventId = changeAnEventSeveralTimes(slug);
            sent = sentFor(probe, eventId);
        } finally {
            try (JMSContext context = connections.createContext()) {
                context.unsubscribe(probe);
            }
        }
        assertTrue(sent.size() >= 5, "every change sent its message: " + sent.size());

        // the last change is on the site, and nothing waits
        http.await("events/" + slug + "/schedule/", page -> page.contains("The opening keynote"), Duration.ofSeconds(60));
        http.awaitPublishingIdle(Duration.ofSeconds(60));
        List<String> files = List.of("events/" + slug + "/", "events/" + slug + "/schedule/",
                "events/" + slug + "/calendar.ics", "events/" + slug + "/schedule.xml",
                "events/" + slug + "/schedule.json", "calendar.ics", "");
        Map<String, byte[]> published = snapshot(files);

        // the same messages again: newest first, each twice
        double consumed = http.metric("lectern_messages_consumed_total", "topic=\"lectern.events\"");
        List<Sent> replay = new ArrayList<>(sent);
        Collections.reverse(replay);
        // in a transaction: outside one, the container would send them only when the test ends
        transaction.begin();
        try (JMSContext context = connections.createContext()) {
            for (Sent message : replay) {
                for (int copy = 0; copy < 2; copy++) {
                    var producer = context.createProducer();
                    message.properties().forEach(producer::setProperty);
                    producer.send(events, message.body());
                }
            }
        }
        transaction.commit();
        awaitConsumed(consumed + 2 * replay.size());
        http.awaitPublishingIdle(Duration.ofSeconds(60));
        assertSame(published, snapshot(files), "after duplicated and reordered delivery");

        long renders = ((Number) AdminHttp.json(http.get("api/publishing/status")).get("renders")).longValue();
        http.expect(202, "POST", "api/publishing/rebuild", null);
        http.await("api/publishing/status", text -> ((Number) AdminHttp.json(text).get("renders")).longValue() > renders,
                Duration.ofSeconds(60));
        http.awaitPublishingIdle(Duration.ofSeconds(60));
        assertSame(published, snapshot(files), "after a clean rebuild");
    }

    /** Creates, publishes and revises an event through the API; every step sends an EventChanged. */
    private String changeAnEventSeveralTimes(String slug) throws Exception {
        String eventId = (String) AdminHttp.json(http.expect(201, "POST", "api/events", Map.of("slug", slug,
                "title", "Delivered twice", "kind", "workshop", "timeZone", "Europe/Berlin",
                "startDate", "2026-06-24", "endDate", "2026-06-25"))).get("id");
        String path = "api/events/" + eventId;
        http.expect(200, "POST", path + "/publish", Map.of());
        Map<String, Object> session = AdminHttp.json(http.expect(201, "POST", path + "/sessions", Map.of(
                "title", "Morning", "start", "2026-06-24T09:00", "end", "2026-06-24T12:00", "items", List.of(
                        Map.of("kind", "talk", "title", "First talk", "start", "2026-06-24T09:00", "end", "2026-06-24T10:00"),
                        Map.of("kind", "talk", "title", "Second talk", "start", "2026-06-24T10:00", "end", "2026-06-24T11:00")))));
        String firstItem = (String) AdminHttp.list(session.get("items")).get(0).get("id");
        http.expect(200, "PUT", path + "/items/" + firstItem, Map.of("kind", "keynote", "title", "First talk, now a keynote",
                "start", "2026-06-24T09:00", "end", "2026-06-24T10:30"));
        http.expect(201, "POST", path + "/sessions/" + session.get("id") + "/items", Map.of("kind", "break",
                "title", "Coffee", "start", "2026-06-24T11:00", "end", "2026-06-24T11:30"));
        http.expect(200, "PUT", path + "/items/" + firstItem, Map.of("kind", "keynote", "title", "The opening keynote",
                "start", "2026-06-24T09:00", "end", "2026-06-24T10:00", "cancelled", true));
        return eventId;
    }

    /** What the probe subscription got for the event, in the order it was sent. */
    private List<Sent> sentFor(String probe, String eventId) throws Exception {
        List<Sent> sent = new ArrayList<>();
        try (JMSContext context = connections.createContext();
             JMSConsumer subscription = context.createSharedDurableConsumer(events, probe)) {
            for (Message message = subscription.receive(5000); message != null; message = subscription.receive(2000)) {
                if (eventId.equals(message.getStringProperty("aggregateId"))) {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    for (String name : Collections.list((java.util.Enumeration<?>) message.getPropertyNames())
                            .stream().map(String::valueOf).toList()) {
                        if (!name.startsWith("_") && !name.startsWith("JMSX")) {
                            properties.put(name, message.getObjectProperty(name));
                        }
                    }
                    sent.add(new Sent(((TextMessage) message).getText(), properties));
                }
            }
        }
        return sent;
    }

    private Map<String, byte[]> snapshot(List<String> files) throws Exception {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String file : files) {
            bytes.put(file, http.bytes(file));
        }
        return bytes;
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String when) {
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), "/" + file + " " + when));
    }

    private void awaitConsumed(double count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.metric("lectern_messages_consumed_total", "topic=\"lectern.events\"") < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replayed messages were not all consumed");
            }
            Thread.sleep(100);
        }
    }
}
