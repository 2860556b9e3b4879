package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A paper of the event, with its award if it won one. */
@Embeddable
public class Paper {

    @Column(name = "TITLE", length = 500)
    private String title;

    @Column(name = "AUTHORS", length = 2000)
    private String authors;

    @Column(name = "URL", length = 2000)
    private String url;

    @Column(name = "AWARD", length = 200)
    private String award;

    protected Paper() {
    }

    Paper(String title, String authors, String url, String award) {
        this.title = title;
        this.authors = authors;
        this.url = url;
        this.award = award;
    }

    String title() {
        return title;
    }

    String authors() {
        return authors;
    }

    String url() {
        return url;
    }

    String award() {
        return award;
    }
}
