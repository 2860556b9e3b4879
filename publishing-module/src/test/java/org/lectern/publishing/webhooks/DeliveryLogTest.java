package org.lectern.publishing.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeliveryLogTest {

    static final Instant T0 = Instant.parse("2026-11-22T13:00:00Z");

    @Test
    void keepsOnlyTheNewestDeliveriesNewestFirst() {
        DeliveryLog log = new DeliveryLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add(pending("d" + i));
        }
        assertEquals(List.of("d5", "d4", "d3"), log.recent().stream().map(Delivery::id).toList());
        assertTrue(log.find("d1").isEmpty());
    }

    @Test
    void showsEachAttemptAndIgnoresDeliveriesThatLeft() {
        DeliveryLog log = new DeliveryLog(2);
        Delivery first = pending("d1");
        log.add(first);
        Delivery retrying = first.attemptFailed(T0.plusSeconds(1), 500, "HTTP 500", T0.plusSeconds(2));
        log.replace(retrying);
        assertEquals(Delivery.State.RETRYING, log.find("d1").orElseThrow().state());
        assertEquals(1, log.find("d1").orElseThrow().attempts());

        log.add(pending("d2"));
        log.add(pending("d3")); // d1 leaves the log
        log.replace(retrying.delivered(T0.plusSeconds(2), 200)); // its late result does not bring it back
        assertEquals(List.of("d3", "d2"), log.recent().stream().map(Delivery::id).toList());
    }

    @Test
    void aDeliveryRecordsAttemptsStatusAndOutcome() {
        Delivery delivered = pending("d1")
                .attemptFailed(T0.plusSeconds(1), null, "ConnectException: Connection refused", T0.plusSeconds(2))
                .delivered(T0.plusSeconds(2), 204);
        assertEquals(Delivery.State.DELIVERED, delivered.state());
        assertEquals(2, delivered.attempts());
        assertEquals(204, delivered.lastStatus());
        assertNull(delivered.lastError());
        assertEquals(T0.plusSeconds(2), delivered.finishedAt());

        Delivery failed = pending("d2").attemptFailed(T0.plusSeconds(1), 401, "HTTP 401 Unauthorized", null);
        assertEquals(Delivery.State.FAILED, failed.state());
        assertNull(failed.nextAttemptAt());
    }

    @Test
    void holdsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryLog(0));
    }

    private static Delivery pending(String id) {
        return Delivery.pending(id, "n-" + id, 1, "https://hooks.example.org", T0);
    }
}
