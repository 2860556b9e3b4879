package org.lectern.people.profile;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import org.lectern.people.api.PersonChanged;
import org.lectern.people.api.PhotoView;
import org.lectern.people.api.RegisterPeople;

/**
 * What organizers do to people. Each method is one transaction: it validates, changes the person,
 * and sends PersonChanged or PersonRemoved in the same transaction. Writes to an existing person
 * name the version they were based on; a stale one is refused (412), so no update is lost.
 */
@ApplicationScoped
@Transactional
public class PeopleEditor {

    @PersistenceContext(unitName = "people")
    private EntityManager em;

    @Inject
    private Validator validator;

    @Inject
    private PeopleMessages messages;

    /** People whose name or any affiliation contains the text, by name, then id. */
    public Page<PersonDocument> search(String text, int offset, int limit) {
        String pattern = "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        String matching = " from Person p where lower(p.name) like :q escape '\\'"
                + " or exists (select a from Person q join q.affiliations a where q = p and lower(a.name) like :q escape '\\')";
        long total = em.createQuery("select count(p)" + matching, Long.class)
                .setParameter("q", pattern).getSingleResult();
        var items = em.createQuery("select p" + matching + " order by p.name, p.id", Person.class)
                .setParameter("q", pattern)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream().map(PersonDocument::of).toList();
        return new Page<>(items, offset, limit, total);
    }

    public PersonDocument get(String id) {
        return PersonDocument.of(find(id));
    }

    public PersonDocument create(PersonInput input) {
        return create(UUID.randomUUID(), input);
    }

    /**
     * Creates a person through the API: refused with 409 and the candidates when someone of the
     * same name exists ({@link SameName}), unless the organizer says they mean another person.
     */
    public PersonDocument create(PersonInput input, boolean sameNameAllowed) {
        return create(UUID.randomUUID(), input, sameNameAllowed);
    }

    /**
     * People whose name is the same as this one but for case, accents and spacing. Such names make
     * the same slug, so only that slug and its numbered siblings ("luo-mai-2") are read.
     */
    private List<PersonDocument> sameName(String name) {
        String slug = Slugs.of(name);
        String key = SameName.key(name);
        return em.createQuery("select p from Person p where p.slug = :slug or p.slug like :numbered escape '\\'"
                        + " order by p.slug", Person.class)
                .setParameter("slug", slug)
                .setParameter("numbered", escapeLike(slug) + "-%")
                .getResultList().stream().map(PersonDocument::of)
                .filter(p -> SameName.key(p.name()).equals(key)).toList();
    }

    /** Creates the person under a given id (demo data and imports give stable ids). */
    PersonDocument create(UUID id, PersonInput input) {
        return create(id, input, true);
    }

    private PersonDocument create(UUID id, PersonInput input, boolean sameNameAllowed) {
        validate(input);
        String slug = freeSlug(Slugs.of(input.name()));
        if (!sameNameAllowed) {
            // read after the slug: a same-name person committed since the slug was read is seen
            // here, so a create can no longer slip past the check onto "-2" (a race seen with 20)
            List<PersonDocument> same = sameName(input.name());
            if (!same.isEmpty()) {
                throw SameName.conflict(same);
            }
        }
        Instant now = Instant.now();
        Person person = new Person(id, slug, input, now);
        em.persist(person);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (slugTaken(e)) {
                // another create of the same name took the slug between our read and our insert
                throw new SameName.Race();
            }
            throw e;
        }
        messages.changed(person, PersonChanged.Kind.CREATED, now);
        return PersonDocument.of(person);
    }

    /**
     * Creates those of the people that do not exist yet; returns how many were created. Built for
     * batches (a conference names a thousand people): existing ids and slugs are read once.
     */
    public int register(RegisterPeople registration) {
        Set<String> known = new HashSet<>(em.createQuery("select p.id from Person p", String.class).getResultList());
        Set<String> slugs = new HashSet<>(em.createQuery("select p.slug from Person p", String.class).getResultList());
        Instant now = Instant.now();
        List<Person> created = new java.util.ArrayList<>();
        for (RegisterPeople.Person entry : registration.people()) {
            if (!known.add(entry.id().toString())) {
                continue;
            }
            PersonInput input = new PersonInput(entry.name(), null, null, null, null, null, null, null, null);
            validate(input);
            String base = Slugs.of(entry.name());
            String slug = base;
            for (int n = 2; slugs.contains(slug); n++) {
                slug = base + "-" + n;
            }
            slugs.add(slug);
            Person person = new Person(entry.id(), slug, input, now);
            em.persist(person);
            created.add(person);
        }
        em.flush();
        created.forEach(person -> messages.changed(person, PersonChanged.Kind.CREATED, now));
        return created.size();
    }

    public PersonDocument replace(String id, Long basedOn, PersonInput input) {
        validate(input);
        Person person = find(id, basedOn);
        PersonDocument current = PersonDocument.of(person);
        if (current.asInput().equals(input)) {
            return current; // the body read back unchanged: no new version, no message, no page rewritten
        }
        Instant now = Instant.now();
        person.apply(input, now);
        em.flush();
        messages.changed(person, PersonChanged.Kind.UPDATED, now);
        return PersonDocument.of(person);
    }

    public void delete(String id, Long basedOn) {
        Person person = find(id, basedOn);
        PersonPhoto photo = em.find(PersonPhoto.class, id);
        if (photo != null) {
            em.remove(photo);
        }
        em.remove(person);
        em.flush();
        messages.removed(person, Instant.now());
    }

    public PhotoView photo(String id) {
        find(id);
        PersonPhoto photo = em.find(PersonPhoto.class, id);
        if (photo == null) {
            throw new NotFoundException("No photo uploaded for person " + id);
        }
        return photo.view();
    }

    public PersonDocument putPhoto(String id, Photo upload) {
        Person person = find(id);
        PersonPhoto photo = em.find(PersonPhoto.class, id);
        if (photo == null) {
            em.persist(new PersonPhoto(id, upload));
        } else {
            photo.replace(upload);
        }
        Instant now = Instant.now();
        person.photoChanged(upload.contentType(), upload.digest(), now);
        em.flush();
        messages.changed(person, PersonChanged.Kind.UPDATED, now);
        return PersonDocument.of(person);
    }

    public PersonDocument deletePhoto(String id) {
        Person person = find(id);
        PersonPhoto photo = em.find(PersonPhoto.class, id);
        if (photo != null) {
            em.remove(photo);
            Instant now = Instant.now();
            person.photoChanged(null, null, now);
            em.flush();
            messages.changed(person, PersonChanged.Kind.UPDATED, now);
        }
        return PersonDocument.of(person);
    }

    private Person find(String id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            throw new NotFoundException("No person with id " + id);
        }
        return person;
    }

    /** The person, if the caller's version (null: any) is still the current one. */
    private Person find(String id, Long basedOn) {
        Person person = find(id);
        if (basedOn != null && basedOn != person.version()) {
            throw Problems.of(412, "Precondition Failed", "If-Match",
                    "the person changed since version " + basedOn + "; it is now at version " + person.version()
                            + ": read it again and reapply your change");
        }
        return person;
    }

    private void validate(PersonInput input) {
        if (input == null) {
            throw new BadRequestException("A JSON body describing the person is required");
        }
        Set<ConstraintViolation<PersonInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** The slug itself when free, else the first free "slug-2", "slug-3", ... */
    private String freeSlug(String slug) {
        Set<String> taken = new HashSet<>(em.createQuery(
                        "select p.slug from Person p where p.slug = :slug or p.slug like :numbered escape '\\'", String.class)
                .setParameter("slug", slug)
                .setParameter("numbered", escapeLike(slug) + "-%")
                .getResultList());
        String candidate = slug;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    /** Whether the database refused the insert for a duplicate key (SQLState class 23), the slug's. */
    private static boolean slugTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
