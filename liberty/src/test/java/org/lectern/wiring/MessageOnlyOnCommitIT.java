package org.lectern.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.NotFoundException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lectern.events.api.EventChanged;
import org.lectern.events.program.EventInput;
import org.lectern.events.program.EventEditor;

/**
 * In the container, on the real data source and broker: the events module writes its message to
 * the outbox in the change's transaction and the relay sends it after the commit, so a rolled-back
 * change sends nothing and a committed one sends its EventChanged.
 */
@ExtendWith(ArquillianExtension.class)
class MessageOnlyOnCommitIT {

    @Deployment
    static WebArchive deployment() {
        // the modules exactly as lectern.war packs them, less publishing: its consumers would
        // compete for the messages this test listens for
        File[] libraries = new File("target/lectern/WEB-INF/lib")
                .listFiles(jar -> !jar.getName().startsWith("publishing-module"));
        return ShrinkWrap.create(WebArchive.class, "wiring.war")
                .addAsLibraries(libraries)
                .addClass(MessageOnlyOnCommitIT.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    EventEditor events;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Resource(lookup = "jms/lectern")
    ConnectionFactory connections;

    @Resource(lookup = "jms/lectern.events")
    Topic topic;

    @Test
    void aRolledBackChangeSendsNothingAndACommittedOneSendsItsMessage() throws Exception {
        String probe = "wiring-probe-" + UUID.randomUUID();
        // a durable subscription keeps what is sent while no connection is open: the resource
        // adapter's connections must not stay open across the transactions below
        try (JMSContext context = connections.createContext()) {
            context.createSharedDurableConsumer(topic, probe).close();
        }
        try {
            String slug = "wiring-" + UUID.randomUUID().toString().substring(0, 8);

            transaction.begin();
            String rolledBack = events.create(input("rolled-back-" + slug)).id().toString();
            transaction.rollback();
            assertThrows(NotFoundException.class, () -> events.get(rolledBack), "a rolled-back change writes nothing");

            transaction.begin();
            String committed = events.create(input(slug)).id().toString();
            transaction.commit();
            assertEquals(slug, events.get(committed).slug());

            try (JMSContext context = connections.createContext();
                 JMSConsumer subscription = context.createSharedDurableConsumer(topic, probe)) {
                Message message = subscription.receive(5000);
                assertNotNull(message, "a committed change sends its message");
                assertEquals(EventChanged.TYPE, message.getStringProperty("type"));
                assertEquals(EventChanged.SCHEMA_VERSION, message.getIntProperty("schemaVersion"));
                assertEquals(committed, message.getStringProperty("aggregateId"),
                        "the first message is the committed change's: the rolled-back one sent none");
                // the relay sends at least once: a message may come twice (two relays, a crash
                // between send and delete), but only ever for the committed change
                for (Message more = subscription.receive(2000); more != null; more = subscription.receive(500)) {
                    assertEquals(committed, more.getStringProperty("aggregateId"), "no message for the rolled-back change");
                }
            }
        } finally {
            try (JMSContext context = connections.createContext()) {
                context.unsubscribe(probe);
            }
        }
    }

    private static EventInput input(String slug) {
        return EventInput.of(slug, "Rolled back", "workshop", "Europe/London",
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1), null);
    }
}
