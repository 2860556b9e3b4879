package org.lectern.people.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.people.api.PersonView;

/**
 * On the first start with an empty database, creates the people of the example events
 * ({@code demo/people.json}) with name-based ids from their keys, so the events module's demo
 * loader, which runs after this one, can name them. {@code LECTERN_DEMO=false} turns it off.
 */
@ApplicationScoped
public class DemoPeople {

    private static final Logger LOG = Logger.getLogger(DemoPeople.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @ConfigProperty(name = "lectern.demo", defaultValue = "true")
    boolean enabled;

    @Inject
    PeopleEditor editor;

    /** A person of the fixture: a key, and the person as the API takes it. */
    public record DemoPerson(String key, String name, PersonView.Kind kind, String honorific,
                             List<PersonInput.AffiliationInput> affiliations, String homepage,
                             List<PersonInput.LinkInput> links, String bio, String photoUrl, String email) {

        PersonInput input() {
            return new PersonInput(name, kind, honorific, affiliations, homepage, links, email, bio, photoUrl);
        }
    }

    /** The id a demo person gets: the same name-based UUID the events demo computes from the key. */
    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("lectern-demo-person:" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    void loadOnFirstStart(@Observes @Priority(50) @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled || editor.search(null, 0, 1).total() > 0) {
            return;
        }
        List<DemoPerson> people = fixture();
        people.forEach(p -> editor.create(id(p.key()), p.input()));
        LOG.info("Demo people loaded: " + people.size());
    }

    static List<DemoPerson> fixture() {
        try (InputStream in = DemoPeople.class.getResourceAsStream("/org/lectern/people/demo/people.json")) {
            return JSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new java.util.ArrayList<DemoPerson>() { }.getClass().getGenericSuperclass());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo people are unreadable", e);
        }
    }
}
