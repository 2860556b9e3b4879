package org.lectern.app.access;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Keeps and finds audit entries; each entry in its own transaction, after the write it records. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "access")
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    /** Newest first; any filter may be null. */
    @Transactional
    public List<AuditEntry> find(String user, String pathPrefix, Instant since, int limit) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntry a where 1 = 1");
        if (user != null) {
            jpql.append(" and a.userName = :user");
        }
        if (pathPrefix != null) {
            jpql.append(" and a.path like :path escape '\\'");
        }
        if (since != null) {
            jpql.append(" and a.at >= :since");
        }
        jpql.append(" order by a.at desc, a.id desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
        if (user != null) {
            query.setParameter("user", user);
        }
        if (pathPrefix != null) {
            query.setParameter("path", pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
