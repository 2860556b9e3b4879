package org.lectern.events.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an event takes place. */
@Embeddable
public class Venue {

    @Column(name = "VENUE_NAME", length = 200)
    private String name;

    @Column(name = "VENUE_BUILDING", length = 200)
    private String building;

    @Column(name = "VENUE_ROOM", length = 100)
    private String room;

    @Column(name = "VENUE_ADDRESS", length = 300)
    private String address;

    @Column(name = "VENUE_CITY", length = 100)
    private String city;

    protected Venue() {
    }

    Venue(String name, String building, String room, String address, String city) {
        this.name = name;
        this.building = building;
        this.room = room;
        this.address = address;
        this.city = city;
    }

    String name() {
        return name;
    }

    String building() {
        return building;
    }

    String room() {
        return room;
    }

    String address() {
        return address;
    }

    String city() {
        return city;
    }
}
