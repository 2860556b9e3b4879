package org.lectern.events.program;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A titled block of page content, markdown. An entity with its own id, not an embeddable: the
 * body is a CLOB, and an element collection's rows are updated and deleted by comparing every
 * column, which Derby refuses for CLOBs (issue 18: editing a section answered 500). Rows are
 * matched by id instead, and a section keeps its row when it is edited in place.
 */
@Entity
@Table(name = "EVT_PAGE_SECTION")
public class Section {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "EVENT_ID")
    private Event event;

    @Column(name = "HEADING", length = 200)
    private String heading;

    @Lob
    @Column(name = "BODY")
    private String body;

    protected Section() {
    }

    Section(Event event, String heading, String body) {
        this.id = UUID.randomUUID().toString();
        this.event = event;
        this.heading = heading;
        this.body = body;
    }

    /** Changes the text in place; a value that did not change is not written. */
    void revise(String heading, String body) {
        if (!heading.equals(this.heading)) {
            this.heading = heading;
        }
        if (!body.equals(this.body)) {
            this.body = body;
        }
    }

    String heading() {
        return heading;
    }

    String body() {
        return body;
    }
}
