package org.lectern.people.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read access to people for other modules, in process. Nothing here carries an email. */
public interface PeopleDirectory {

    Optional<PersonView> find(UUID id);

    /** The people with these ids that exist, keyed by id. */
    Map<UUID, PersonView> findAll(Collection<UUID> ids);

    /** Those of the given ids that name nobody. */
    Set<UUID> missing(Collection<UUID> ids);

    /** The person's uploaded photo, if there is one. */
    Optional<PhotoView> photo(UUID id);

    /** The SHA-256 digests of everyone's current photos: a photo file named by no other is a deleted person's or an old one. */
    Set<String> photoDigests();
}
