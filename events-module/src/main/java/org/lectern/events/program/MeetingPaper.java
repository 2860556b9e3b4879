package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A paper presented at a course meeting; presenters as comma-separated person ids. */
@Embeddable
public class MeetingPaper {

    @Column(name = "TITLE", length = 500)
    private String title;

    @Column(name = "URL", length = 2000)
    private String url;

    @Column(name = "PRESENTERS", length = 400)
    private String presenters;

    protected MeetingPaper() {
    }

    MeetingPaper(String title, String url, String presenters) {
        this.title = title;
        this.url = url;
        this.presenters = presenters;
    }

    String title() {
        return title;
    }

    String url() {
        return url;
    }

    String presenters() {
        return presenters;
    }
}
