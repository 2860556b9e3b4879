package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link of the event: registration, expression-of-interest form, recordings, slides. */
@Embeddable
public class EventLink {

    @Column(name = "KIND", length = 30)
    private String kind;

    @Column(name = "LABEL", length = 200)
    private String label;

    @Column(name = "URL", length = 2000)
    private String url;

    protected EventLink() {
    }

    EventLink(String kind, String label, String url) {
        this.kind = kind;
        this.label = label;
        this.url = url;
    }

    String kind() {
        return kind;
    }

    String label() {
        return label;
    }

    String url() {
        return url;
    }
}
