package org.lectern.app.access;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates the access unit's tables at start, outside any transaction, as each module does for its
 * own. Left to the first login or audit entry, EclipseLink would create them inside that request's
 * transaction; on PostgreSQL its failed "does the table exist" probe aborts the transaction, so the
 * tables would never be made.
 */
@ApplicationScoped
public class AccessTables {

    @PersistenceContext(unitName = "access")
    EntityManager em;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void onStart(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object started) {
        em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
        em.createQuery("select count(e) from AuditEntry e", Long.class).getSingleResult();
    }
}
