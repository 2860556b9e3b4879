package org.lectern.publishing.webhooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent deliveries, in memory, at most {@code capacity} of them: when a new one comes,
 * the oldest goes (finished or not; an evicted delivery still completes, it is only no longer
 * shown). A restart empties the log.
 */
final class DeliveryLog {

    private final int capacity;
    private final Map<String, Delivery> byId; // guarded by this; in order of creation

    DeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the delivery log must hold at least one delivery");
        }
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>();
    }

    synchronized void add(Delivery delivery) {
        byId.put(delivery.id(), delivery);
        var oldest = byId.keySet().iterator();
        while (byId.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Shows a delivery's new state, unless it has already left the log. */
    synchronized void replace(Delivery delivery) {
        byId.computeIfPresent(delivery.id(), (id, before) -> delivery);
    }

    synchronized Optional<Delivery> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Newest first. */
    synchronized List<Delivery> recent() {
        List<Delivery> all = new ArrayList<>(byId.values());
        Collections.reverse(all);
        return all;
    }

    int capacity() {
        return capacity;
    }
}
