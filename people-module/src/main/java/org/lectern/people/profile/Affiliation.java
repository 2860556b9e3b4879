package org.lectern.people.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Affiliation {

    @Column(name = "NAME", nullable = false, length = 300)
    private String name;

    @Column(name = "FORMER", nullable = false)
    private boolean former;

    protected Affiliation() {
    }

    Affiliation(String name, boolean former) {
        this.name = name;
        this.former = former;
    }

    String name() {
        return name;
    }

    boolean former() {
        return former;
    }
}
