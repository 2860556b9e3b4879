package org.lectern.events.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A message the events module has committed to send: written in the transaction of the change it
 * announces, sent and deleted by {@link OutboxRelay} after that transaction commits.
 */
@Entity
@Table(name = "EVT_OUTBOX")
public class OutboxMessage {

    /** Where a message goes; the relay knows each one's JMS destination. */
    public enum Destination {
        /** {@code lectern.events}: EventChanged, for publishing. */
        EVENTS,
        /** {@code lectern.people.registrations}: RegisterPeople, for the people module. */
        PEOPLE_REGISTRATIONS
    }

    /** Rises in the order the messages were written; the relay sends the oldest first. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Destination destination;

    @Column(nullable = false, length = 40)
    private String type;

    private int schemaVersion;

    @Column(length = 36)
    private String aggregateId;

    private Long aggregateVersion;

    @Column(nullable = false)
    private Instant occurredAt;

    /** The JSON text; an import's EventChanged names every session, item and person (100 KB and more). */
    @Lob
    @Column(nullable = false, length = 64 * 1024 * 1024)
    private String body;

    protected OutboxMessage() {
        // JPA
    }

    public OutboxMessage(Destination destination, String type, int schemaVersion, String aggregateId,
                         Long aggregateVersion, Instant occurredAt, String body) {
        this.destination = destination;
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.aggregateId = aggregateId;
        this.aggregateVersion = aggregateVersion;
        this.occurredAt = occurredAt;
        this.body = body;
    }

    long id() {
        return id;
    }

    Destination destination() {
        return destination;
    }

    String type() {
        return type;
    }

    int schemaVersion() {
        return schemaVersion;
    }

    String aggregateId() {
        return aggregateId;
    }

    Long aggregateVersion() {
        return aggregateVersion;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String body() {
        return body;
    }
}
