package org.lectern.app.access;

import java.util.Set;

/**
 * The two roles of the admin API. An editor manages events and people; an admin can also manage
 * users, rebuilds, webhooks and dead letters. The container sees them as the groups a login
 * returns, mapped to the security roles of the same names in web.xml.
 */
public enum Role {
    editor(Set.of("editor")),
    admin(Set.of("editor", "admin"));

    private final Set<String> groups;

    Role(Set<String> groups) {
        this.groups = groups;
    }

    /** The security roles a user with this role is in (an admin is also an editor). */
    public Set<String> groups() {
        return groups;
    }
}
