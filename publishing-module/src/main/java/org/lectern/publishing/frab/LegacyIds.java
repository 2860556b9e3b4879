package org.lectern.publishing.frab;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * frab's integer ids, which both schemas still demand next to the guid (an event's {@code id} is
 * a required positive integer, a frab person's {@code id} an integer; neither may be a string).
 * Lectern has only UUIDs, so the number is derived from the UUID: the same item always gets the
 * same number, with no table to keep.
 *
 * <p>Collision risk: 31 bits hold about 2.1 billion values, so among n UUIDs two share a number
 * with probability of roughly n²/2³²: about 1 in 4,300 for 1,000 items. The XSD requires item ids
 * to be unique within a file, so {@link #unique} settles a collision by giving the later UUID (in
 * UUID order) the next free number; only then does an item's id depend on another item. Person ids
 * are not resolved (the schemas do not ask for uniqueness, and a person is identified by guid): a
 * collision would make an app that keys people by id show two people as one.
 */
final class LegacyIds {

    private LegacyIds() {
    }

    /**
     * A positive 31-bit number from all 128 bits, folded with XOR. Every bit counts, so UUIDs
     * that share a half (time-based v1 ones from one host share the node bits, v7 ones created in
     * the same millisecond share the timestamp) still give different numbers.
     */
    static int of(UUID id) {
        long folded = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        int number = (int) (folded ^ (folded >>> 32)) & Integer.MAX_VALUE;
        return number == 0 ? 1 : number;
    }

    /** A distinct positive number for every id, the same for the same set of ids. */
    static Map<UUID, Integer> unique(Collection<UUID> ids) {
        Map<UUID, Integer> numbers = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        ids.stream().distinct().sorted().forEach(id -> {
            int number = of(id);
            while (!taken.add(number)) {
                number = number == Integer.MAX_VALUE ? 1 : number + 1;
            }
            numbers.put(id, number);
        });
        return numbers;
    }
}
