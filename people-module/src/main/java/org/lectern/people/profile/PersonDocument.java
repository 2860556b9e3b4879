package org.lectern.people.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.LinkView;
import org.lectern.people.api.PersonView;

/** A person as the admin API returns it: the public view plus the private email. */
public record PersonDocument(
        UUID id,
        String slug,
        String name,
        PersonView.Kind kind,
        String honorific,
        List<AffiliationView> affiliations,
        String homepage,
        List<LinkView> links,
        String email,
        String bio,
        String photoUrl,
        PhotoLink photo,
        long version,
        Instant updatedAt) {

    /** The uploaded photo, described; its bytes are at {@code href}. */
    public record PhotoLink(String contentType, String digest, String href) {
    }

    /** The document as the input that would write it (what a GET-then-PUT sends back). */
    PersonInput asInput() {
        return new PersonInput(name, kind, honorific,
                affiliations.stream().map(a -> new PersonInput.AffiliationInput(a.name(), a.former())).toList(),
                homepage, links.stream().map(l -> new PersonInput.LinkInput(l.label(), l.url())).toList(),
                email, bio, photoUrl);
    }

    static PersonDocument of(Person person) {
        PersonView v = person.view();
        PhotoLink photo = v.photoDigest() == null ? null
                : new PhotoLink(person.photoType(), v.photoDigest(), "/api/people/" + v.id() + "/photo");
        return new PersonDocument(v.id(), v.slug(), v.name(), v.kind(), v.honorific(), v.affiliations(),
                v.homepage(), v.links(), person.email(), v.bio(), v.photoUrl(), photo, v.version(), v.updatedAt());
    }
}
