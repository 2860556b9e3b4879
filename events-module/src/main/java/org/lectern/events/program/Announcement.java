package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A dated announcement; pinned ones stay on top. */
@Embeddable
public class Announcement {

    @Column(name = "ANNOUNCED_ON")
    private LocalDate date;

    @Column(name = "TEXT", length = 5000)
    private String text;

    @Column(name = "PINNED")
    private boolean pinned;

    protected Announcement() {
    }

    Announcement(LocalDate date, String text, boolean pinned) {
        this.date = date;
        this.text = text;
        this.pinned = pinned;
    }

    LocalDate date() {
        return date;
    }

    String text() {
        return text;
    }

    boolean pinned() {
        return pinned;
    }
}
