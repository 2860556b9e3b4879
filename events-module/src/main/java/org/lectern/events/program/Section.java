package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** A titled block of page content, markdown. */
@Embeddable
public class Section {

    @Column(name = "HEADING", length = 200)
    private String heading;

    @Lob
    @Column(name = "BODY")
    private String body;

    protected Section() {
    }

    Section(String heading, String body) {
        this.heading = heading;
        this.body = body;
    }

    String heading() {
        return heading;
    }

    String body() {
        return body;
    }
}
