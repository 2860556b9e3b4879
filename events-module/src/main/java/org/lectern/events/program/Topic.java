package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A topic of the event, with an optional description. */
@Embeddable
public class Topic {

    @Column(name = "TITLE", length = 300)
    private String title;

    @Column(name = "DESCRIPTION", length = 5000)
    private String description;

    protected Topic() {
    }

    Topic(String title, String description) {
        this.title = title;
        this.description = description;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }
}
