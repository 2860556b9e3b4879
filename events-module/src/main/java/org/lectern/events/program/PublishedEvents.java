package org.lectern.events.program;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lectern.events.api.EventCatalog;
import org.lectern.events.api.EventView;
import org.lectern.events.api.EventView.Status;

/** The events module's answer to other modules' reads: published (and cancelled) events only. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublishedEvents implements EventCatalog {

    private static final List<Status> VISIBLE = List.of(Status.PUBLISHED, Status.CANCELLED);

    @PersistenceContext(unitName = "events")
    private EntityManager em;

    @Override
    public Optional<EventView> publishedEvent(UUID eventId) {
        return publishedEvent(eventId, Long.MIN_VALUE); // any copy at hand will do
    }

    @Override
    public Optional<EventView> publishedEvent(UUID eventId, long atLeastVersion) {
        Event event = em.find(Event.class, eventId.toString());
        if (event != null && event.version() < atLeastVersion) {
            try {
                em.refresh(event);
            } catch (EntityNotFoundException deleted) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(event).filter(e -> VISIBLE.contains(e.status())).map(Event::view);
    }

    @Override
    public List<EventView> publishedEvents() {
        return em.createQuery("select e from Event e where e.status in :visible order by e.startDate, e.slug", Event.class)
                .setParameter("visible", VISIBLE)
                .getResultList().stream().map(Event::view).toList();
    }

    @Override
    public List<UUID> publishedEventIds() {
        return em.createQuery("select e.id from Event e where e.status in :visible", String.class)
                .setParameter("visible", VISIBLE)
                .getResultList().stream().map(UUID::fromString).toList();
    }

    /** One indexed query per place a person can be named; cheap enough to run for every PersonChanged. */
    @Override
    public Set<UUID> publishedEventsWith(UUID personId) {
        String person = personId.toString();
        Set<String> ids = new java.util.HashSet<>();
        for (String query : List.of(
                "select distinct s.event.id from ProgramItem i join i.session s join i.speakers p"
                        + " where p = :person and s.event.status in :visible",
                "select distinct s.event.id from ProgramItem i join i.session s join i.moderators p"
                        + " where p = :person and s.event.status in :visible",
                "select distinct s.event.id from ProgramSession s join s.chairs p"
                        + " where p = :person and s.event.status in :visible",
                "select distinct g.event.id from CommitteeGroup g join g.members m"
                        + " where m.personId = :person and g.event.status in :visible",
                "select distinct m.event.id from Meeting m join m.speakers p"
                        + " where p = :person and m.event.status in :visible")) {
            ids.addAll(em.createQuery(query, String.class).setParameter("person", person)
                    .setParameter("visible", VISIBLE).getResultList());
        }
        // presenters of meeting papers are kept as a list in one column: few rows, filter here
        ids.addAll(em.createQuery("select m.event.id, p.presenters from Meeting m join m.papers p"
                        + " where m.event.status in :visible", Object[].class)
                .setParameter("visible", VISIBLE).getResultList().stream()
                .filter(row -> row[1] != null && ((String) row[1]).contains(person))
                .map(row -> (String) row[0]).toList());
        return ids.stream().map(UUID::fromString).collect(Collectors.toSet());
    }
}
