package org.lectern.publishing.site;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lectern.people.api.PeopleDirectory;
import org.lectern.people.api.PersonView;

/**
 * The people the renderer has read, by id, so that a change to one talk of a thousand-speaker
 * program does not read a thousand people again (on Derby that one query was most of the render:
 * it scans the table and tests every row against the whole id list). A person's view changes only
 * with their profile, and every such change reaches the publisher as a mark for that person
 * ({@code PersonChanged}, {@code PersonRemoved}): the batch that renders the mark forgets the
 * person first and reads them again. A rebuild forgets everyone. Not thread-safe: the publisher
 * renders one batch at a time.
 */
final class KnownPeople {

    private final Map<UUID, PersonView> views = new HashMap<>();

    /** The people of these ids that exist, reading from the directory only those not known yet. */
    Map<UUID, PersonView> findAll(Collection<UUID> ids, PeopleDirectory people) {
        List<UUID> unknown = ids.stream().filter(id -> !views.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            views.putAll(people.findAll(unknown));
        }
        Map<UUID, PersonView> found = new HashMap<>();
        for (UUID id : ids) {
            PersonView view = views.get(id);
            if (view != null) {
                found.put(id, view);
            }
        }
        return found;
    }

    /** These people changed (or went): their next use reads them again. */
    void forget(Collection<UUID> ids) {
        ids.forEach(views::remove);
    }

    void forgetAll() {
        views.clear();
    }
}
