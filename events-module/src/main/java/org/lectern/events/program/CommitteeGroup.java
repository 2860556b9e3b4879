package org.lectern.events.program;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.lectern.events.api.CommitteeGroupView;

/** One group of an event's committee ("Steering committee"), its members in order. */
@Entity
@Table(name = "EVT_COMMITTEE_GROUP")
public class CommitteeGroup {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "EVENT_ID")
    private Event event;

    @Column(nullable = false, length = 200)
    private String name;

    @ElementCollection
    @CollectionTable(name = "EVT_COMMITTEE_MEMBER", joinColumns = @JoinColumn(name = "GROUP_ID"))
    @OrderColumn(name = "POSITION")
    private List<CommitteeMember> members = new ArrayList<>();

    protected CommitteeGroup() {
    }

    CommitteeGroup(Event event, DetailInputs.CommitteeGroupInput input) {
        this.id = UUID.randomUUID().toString();
        this.event = event;
        this.name = input.name().strip();
        input.members().forEach(m -> members.add(new CommitteeMember(m.person().toString(), m.role())));
    }

    boolean removePerson(UUID personId) {
        return members.removeIf(m -> m.personId().equals(personId.toString()));
    }

    List<UUID> people() {
        return members.stream().map(m -> UUID.fromString(m.personId())).toList();
    }

    CommitteeGroupView view() {
        return new CommitteeGroupView(name, members.stream()
                .map(m -> new CommitteeGroupView.Member(UUID.fromString(m.personId()), m.role())).toList());
    }
}
