package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The conference an event is part of ("ASPLOS 2025"). */
@Embeddable
public class HostConference {

    @Column(name = "HOST_NAME", length = 200)
    private String name;

    @Column(name = "HOST_URL", length = 2000)
    private String url;

    protected HostConference() {
    }

    HostConference(String name, String url) {
        this.name = name;
        this.url = url;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }
}
