package org.lectern.events.outbox;

import java.util.List;

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
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * One batch of the relay: the oldest messages of the outbox are sent and deleted in one XA
 * transaction (database and broker), so each is sent once, or stays to be sent again. In a burst
 * of changes one commit carries many messages.
 */
@ApplicationScoped
class OutboxBatch {

    static final int SIZE = 200;

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Resource(name = "jms/lectern")
    private ConnectionFactory connections;

    @Resource(name = "jms/lectern.events")
    private Topic events;

    @Resource(name = "jms/lectern.people.registrations")
    private Queue registrations;

    /**
     * Sends and deletes the oldest messages, at most {@link #SIZE}. Answers how many it sent: 0 when
     * the outbox was empty, or when another server had sent them first (its delete went first; this
     * transaction then rolls back, sends included).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int relayOldest() {
        List<OutboxMessage> batch = em.createQuery("select m from OutboxMessage m order by m.id", OutboxMessage.class)
                .setMaxResults(SIZE)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
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
        List<Long> ids = batch.stream().map(OutboxMessage::id).toList();
        int deleted = em.createQuery("delete from OutboxMessage m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        if (deleted != batch.size()) {
            transactions.setRollbackOnly();
            return 0;
        }
        return batch.size();
    }

    private Destination destination(OutboxMessage message) {
        return switch (message.destination()) {
            case EVENTS -> events;
            case PEOPLE_REGISTRATIONS -> registrations;
        };
    }
}
