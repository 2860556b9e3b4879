package org.lectern.events.outbox;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

/**
 * One batch of the relay, the oldest messages of the outbox, in three steps: read them; send them
 * in a transaction on the broker alone (one-phase: deliverable after one write of the broker's
 * journal, without waiting for the database); delete them in a transaction on the database. A
 * crash or a failure between sending and deleting sends them again later, and two servers relaying
 * at once may both send a message: consumers take a message twice in their stride (they render from
 * current state). What is never sent twice over is nothing at all: a message leaves the table only
 * after the broker has it.
 */
@ApplicationScoped
class OutboxBatch {

    static final int SIZE = 200;

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Resource(name = "jms/lectern")
    private ConnectionFactory connections;

    @Resource(name = "jms/lectern.events")
    private Topic events;

    @Resource(name = "jms/lectern.people.registrations")
    private Queue registrations;

    /** Sends and then deletes the oldest messages, at most {@link #SIZE}; answers how many. */
    public int relayOldest() throws Exception {
        List<OutboxMessage> batch = inTransaction(() -> em.createQuery("select m from OutboxMessage m order by m.id",
                        OutboxMessage.class)
                .setMaxResults(SIZE)
                .getResultList());
        if (batch.isEmpty()) {
            return 0;
        }
        inTransaction(() -> send(batch));
        List<Long> ids = batch.stream().map(OutboxMessage::id).toList();
        inTransaction(() -> em.createQuery("delete from OutboxMessage m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate());
        return batch.size();
    }

    private int send(List<OutboxMessage> batch) {
        try (JMSContext context = connections.createContext()) {
            JMSProducer producer = context.createProducer();
            for (OutboxMessage message : batch) {
                producer.clearProperties()
                        .setProperty("type", message.type())
                        .setProperty("schemaVersion", message.schemaVersion())
                        .setProperty("occurredAt", message.occurredAt().toString());
                if (message.aggregateId() != null) {
                    producer.setProperty("aggregateId", message.aggregateId());
                }
                if (message.aggregateVersion() != null) {
                    producer.setProperty("aggregateVersion", message.aggregateVersion().longValue());
                }
                producer.send(destination(message), message.body());
            }
        }
        return batch.size();
    }

    /** Each step is a transaction of its own, on one resource, so it commits in one phase. */
    private <T> T inTransaction(Supplier<T> work) throws Exception {
        transaction.begin();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();
        return result;
    }

    private Destination destination(OutboxMessage message) {
        return switch (message.destination()) {
            case EVENTS -> events;
            case PEOPLE_REGISTRATIONS -> registrations;
        };
    }
}
