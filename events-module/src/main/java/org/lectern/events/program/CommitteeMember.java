package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member of a committee group, by person id. */
@Embeddable
public class CommitteeMember {

    @Column(name = "PERSON_ID", length = 36)
    private String personId;

    @Column(name = "ROLE", length = 200)
    private String role;

    protected CommitteeMember() {
    }

    CommitteeMember(String personId, String role) {
        this.personId = personId;
        this.role = role;
    }

    String personId() {
        return personId;
    }

    String role() {
        return role;
    }
}
