package org.lectern.people.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class PersonLink {

    @Column(name = "LABEL", nullable = false, length = 100)
    private String label;

    @Column(name = "URL", nullable = false, length = 2000)
    private String url;

    protected PersonLink() {
    }

    PersonLink(String label, String url) {
        this.label = label;
        this.url = url;
    }

    String label() {
        return label;
    }

    String url() {
        return url;
    }
}
