package org.lectern.events.api;

import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbProperty;

/** One group of the organizing committee ("Organization chairs"), its members in order. */
public record CommitteeGroupView(String name, List<Member> members) {

    public CommitteeGroupView {
        members = List.copyOf(members);
    }

    /** A member, with an optional note on their role ("General chair"); in JSON {@code person}, as the PUT names it. */
    public record Member(@JsonbProperty("person") UUID personId, String role) {
    }
}
