package org.lectern.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The people side of guarantee 2, on the real broker and the running Lectern beside this test: a
 * person created, renamed twice and deleted while speaking at a published event; then every message
 * that sent on {@code lectern.people} is delivered again, newest first and twice each, so stale
 * UPDATEDs arrive after the DELETED. Nothing comes back: the person's page and feed stay gone, the
 * talk keeps no speaker, and the event's files stay byte for byte as they were.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleDuplicateDeliveryIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "people-duplicates.war")
                .addClasses(PeopleDuplicateDeliveryIT.class, AdminHttp.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Resource(lookup = "jms/lectern")
    ConnectionFactory connections;

    @Resource(lookup = "jms/lectern.people")
    Topic people;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    final AdminHttp http = new AdminHttp();

    /** A message as sent: its body and its properties. */
    record Sent(String body, Map<String, Object> properties) {
    }

    @Test
    void staleAndRepeatedPeopleMessagesAfterADeletionBringNothingBack() throws Exception {
        String probe = "people-duplicates-probe-" + UUID.randomUUID();
        try (JMSContext context = connections.createContext()) {
            context.createSharedDurableConsumer(people, probe).close();
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String slug = "people-duplicates-" + tag;
        Map<String, Object> person;
        String eventPath;
        List<Sent> sent;
        try {
            person = AdminHttp.json(http.expect(201, "POST", "api/people", Map.of("name", "Ada " + tag)));
            String personPath = "api/people/" + person.get("id");
            eventPath = "api/events/" + AdminHttp.json(http.expect(201, "POST", "api/events", Map.of("slug", slug,
                    "title", "People delivered twice", "kind", "workshop", "timeZone", "Europe/Berlin",
                    "startDate", "2026-06-24", "endDate", "2026-06-24"))).get("id");
            http.expect(200, "POST", eventPath + "/publish", Map.of());
            http.expect(201, "POST", eventPath + "/sessions", Map.of("title", "Morning", "start", "2026-06-24T09:00",
                    "end", "2026-06-24T10:00", "items", List.of(Map.of("kind", "talk", "title", "The talk",
                            "start", "2026-06-24T09:00", "end", "2026-06-24T10:00", "speakers", List.of(person.get("id"))))));
            for (String name : List.of("Ada Renamed " + tag, "Ada Lovelace " + tag)) {
                http.expect(200, "PUT", personPath, Map.of("name", name), "If-Match", version(personPath));
            }
            http.await("events/" + slug + "/speakers/", page -> page.contains("Ada Lovelace " + tag), Duration.ofSeconds(60));
            http.expect(204, "DELETE", personPath, null, "If-Match", version(personPath));
            sent = sentFor(probe, (String) person.get("id"));
        } finally {
            try (JMSContext context = connections.createContext()) {
                context.unsubscribe(probe);
            }
        }
        assertTrue(sent.size() >= 4, "created, renamed twice, deleted: " + sent.size() + " messages");
        String personPage = "people/" + person.get("slug") + "/";

        http.await("events/" + slug + "/speakers/", page -> !page.contains("Ada Lovelace " + tag), Duration.ofSeconds(60));
        http.awaitPublishingIdle(Duration.ofSeconds(60));
        List<String> files = List.of("events/" + slug + "/", "events/" + slug + "/schedule/", "events/" + slug + "/speakers/",
                "events/" + slug + "/calendar.ics", "events/" + slug + "/schedule.xml", "events/" + slug + "/schedule.json");
        Map<String, byte[]> published = snapshot(files);
        assertEquals(404, http.send("GET", personPage, null).status(), "the deleted person's page is gone");

        // the same messages again: newest first (so the UPDATEDs come after the DELETED), each twice
        double consumed = http.metric("lectern_messages_consumed_total", "topic=\"lectern.people\"");
        List<Sent> replay = new ArrayList<>(sent);
        Collections.reverse(replay);
        transaction.begin();
        try (JMSContext context = connections.createContext()) {
            for (Sent message : replay) {
                for (int copy = 0; copy < 2; copy++) {
                    var producer = context.createProducer();
                    message.properties().forEach(producer::setProperty);
                    producer.send(people, message.body());
                }
            }
        }
        transaction.commit();
        awaitConsumed(consumed + 2 * replay.size());
        http.awaitPublishingIdle(Duration.ofSeconds(60));

        assertEquals(404, http.send("GET", personPage, null).status(), "a stale UPDATED after the DELETED brings the page back");
        assertEquals(404, http.send("GET", personPage + "calendar.ics", null).status(), "nor the person's feed");
        assertEquals(404, http.send("GET", "api/people/" + person.get("id"), null).status(), "nor the person");
        Map<String, Object> talk = AdminHttp.list(http.get(eventPath + "/items")).get(0);
        assertFalse(String.valueOf(talk).contains((String) person.get("id")), "nor the talk's speaker: " + talk);
        Map<String, byte[]> after = snapshot(files);
        published.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), "/" + file + " after the replay"));
    }

    private String version(String path) throws Exception {
        return "\"" + AdminHttp.json(http.get(path)).get("version") + "\"";
    }

    /** What the probe subscription got for the person, in the order it was sent. */
    private List<Sent> sentFor(String probe, String personId) throws Exception {
        List<Sent> sent = new ArrayList<>();
        try (JMSContext context = connections.createContext();
             JMSConsumer subscription = context.createSharedDurableConsumer(people, probe)) {
            for (Message message = subscription.receive(5000); message != null; message = subscription.receive(2000)) {
                if (personId.equals(message.getStringProperty("aggregateId"))) {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    for (Object name : Collections.list(message.getPropertyNames())) {
                        if (!String.valueOf(name).startsWith("_") && !String.valueOf(name).startsWith("JMSX")) {
                            properties.put((String) name, message.getObjectProperty((String) name));
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

    private void awaitConsumed(double count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.metric("lectern_messages_consumed_total", "topic=\"lectern.people\"") < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replayed people messages were not all consumed");
            }
            Thread.sleep(100);
        }
    }
}
