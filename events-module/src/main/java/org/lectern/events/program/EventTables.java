package org.lectern.events.program;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates the module's tables at start, outside any transaction. Left to the first request, the
 * DDL would run inside that request's transaction, and a rolled-back request would take the
 * new tables with it (Derby's DDL is transactional).
 */
@ApplicationScoped
public class EventTables {

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void onStart(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object started) {
        em.createQuery("select count(e) from Event e", Long.class).getSingleResult();
    }
}
