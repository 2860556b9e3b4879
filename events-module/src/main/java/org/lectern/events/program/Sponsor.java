package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A sponsor with its logo and link. */
@Embeddable
public class Sponsor {

    @Column(name = "NAME", length = 200)
    private String name;

    @Column(name = "LOGO_URL", length = 2000)
    private String logoUrl;

    @Column(name = "URL", length = 2000)
    private String url;

    protected Sponsor() {
    }

    Sponsor(String name, String logoUrl, String url) {
        this.name = name;
        this.logoUrl = logoUrl;
        this.url = url;
    }

    String name() {
        return name;
    }

    String logoUrl() {
        return logoUrl;
    }

    String url() {
        return url;
    }
}
