package org.lectern.people.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person or organization as other modules may show it. Never holds the email.
 *
 * @param photoUrl    a photo elsewhere (http/https), or null
 * @param photoDigest the uploaded photo's SHA-256 (read it with {@link PeopleDirectory#photo}), or
 *                    null when none was uploaded; it changes whenever the photo does
 */
public record PersonView(
        UUID id,
        String slug,
        String name,
        Kind kind,
        String honorific,
        List<AffiliationView> affiliations,
        String homepage,
        List<LinkView> links,
        String bio,
        String photoUrl,
        String photoDigest,
        long version,
        Instant updatedAt) {

    public enum Kind { PERSON, ORGANIZATION }

    public PersonView {
        affiliations = List.copyOf(affiliations);
        links = List.copyOf(links);
    }

    /** The current affiliations, in the order the person gave them. */
    public List<AffiliationView> currentAffiliations() {
        return affiliations.stream().filter(a -> !a.former()).toList();
    }

    /** The current affiliations' names joined with ", " as pages and feeds show them; empty if none. */
    public String currentAffiliationNames() {
        return String.join(", ", currentAffiliations().stream().map(AffiliationView::name).toList());
    }
}
