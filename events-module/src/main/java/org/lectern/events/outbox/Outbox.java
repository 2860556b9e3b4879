package org.lectern.events.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * How the events module sends its messages: it writes them to the EVT_OUTBOX table in the
 * transaction of the change, so a message exists if and only if its change commits, and the change
 * commits on the database alone (no XA with the broker, no wait for it). After the commit the
 * {@link OutboxRelay} sends them; a message the relay could not send yet (broker down, server
 * stopped) stays in the table until it can.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private OutboxRelay relay;

    /** Writes the message in the caller's transaction; the relay is woken when that one commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(OutboxMessage message) {
        em.persist(message);
        if (transactions.getResource(Outbox.class) == null) {
            transactions.putResource(Outbox.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // nothing to do before the commit
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
