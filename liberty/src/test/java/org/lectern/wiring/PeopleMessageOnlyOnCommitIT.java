package org.lectern.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
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
import org.lectern.people.api.PersonChanged;
import org.lectern.people.profile.PeopleEditor;
import org.lectern.people.profile.PersonInput;

/**
 * In the container, on the real data source and broker: the people module sends its message in the
 * change's XA transaction, so a person change rolled back after its message was sent sends nothing,
 * and a committed one sends its PersonChanged.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleMessageOnlyOnCommitIT {

    @Deployment
    static WebArchive deployment() {
        // the modules as lectern.war packs them, less publishing (as in MessageOnlyOnCommitIT)
        File[] libraries = new File("target/lectern/WEB-INF/lib")
                .listFiles(jar -> !jar.getName().startsWith("publishing-module"));
        return ShrinkWrap.create(WebArchive.class, "people-wiring.war")
                .addAsLibraries(libraries)
                .addClass(PeopleMessageOnlyOnCommitIT.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    PeopleEditor people;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Resource(lookup = "jms/lectern")
    ConnectionFactory connections;

    @Resource(lookup = "jms/lectern.people")
    Topic topic;

    @Test
    void aPersonChangeRolledBackAfterItsSendSendsNothing() throws Exception {
        String probe = "people-probe-" + UUID.randomUUID();
        // a durable subscription keeps what is sent while no connection is open
        try (JMSContext context = connections.createContext()) {
            context.createSharedDurableConsumer(topic, probe).close();
        }
        try {
            String name = "Wiring " + UUID.randomUUID().toString().substring(0, 8);

            transaction.begin();
            String rolledBack = people.create(input("Rolled back " + name)).id().toString(); // sent within
            transaction.rollback();
            assertThrows(NotFoundException.class, () -> people.get(rolledBack), "a rolled-back change writes nothing");

            transaction.begin();
            String committed = people.create(input(name)).id().toString();
            transaction.commit();
            assertEquals(name, people.get(committed).name());

            try (JMSContext context = connections.createContext();
                 JMSConsumer subscription = context.createSharedDurableConsumer(topic, probe)) {
                Message message = subscription.receive(5000);
                assertNotNull(message, "a committed change sends its message");
                assertEquals(PersonChanged.TYPE, message.getStringProperty("type"));
                assertEquals(committed, message.getStringProperty("aggregateId"),
                        "the first message is the committed change's: the rolled-back one sent none");
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

    private static PersonInput input(String name) {
        return new PersonInput(name, null, null, null, null, null, null, null, null);
    }
}
