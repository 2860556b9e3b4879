package org.lectern.people.profile;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lectern.people.api.PeopleDirectory;
import org.lectern.people.api.PersonView;
import org.lectern.people.api.PhotoView;

/** The people module's answer to other modules' reads. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProfileDirectory implements PeopleDirectory {

    @PersistenceContext(unitName = "people")
    private EntityManager em;

    @Override
    public Optional<PersonView> find(UUID id) {
        return Optional.ofNullable(em.find(Person.class, id.toString())).map(Person::view);
    }

    @Override
    public Map<UUID, PersonView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> keys = ids.stream().map(UUID::toString).distinct().toList();
        return em.createQuery("select p from Person p where p.id in :ids", Person.class)
                .setParameter("ids", keys)
                .getResultList().stream()
                .map(Person::view)
                .collect(Collectors.toMap(PersonView::id, Function.identity()));
    }

    @Override
    public Optional<PhotoView> photo(UUID id) {
        return Optional.ofNullable(em.find(PersonPhoto.class, id.toString())).map(PersonPhoto::view);
    }

    @Override
    public Set<String> photoDigests() {
        return Set.copyOf(em.createQuery("select p.photoDigest from Person p where p.photoDigest is not null", String.class)
                .getResultList());
    }

    @Override
    public Set<UUID> missing(Collection<UUID> ids) {
        Set<UUID> missing = new HashSet<>(ids);
        missing.removeAll(findAll(ids).keySet());
        return missing;
    }
}
