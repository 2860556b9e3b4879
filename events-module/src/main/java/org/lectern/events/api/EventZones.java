package org.lectern.events.api;

import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The time zones an event may be in: names of the IANA time zone database that the JDK knows, that
 * calendar clients know, and that the publisher's calendar library (ical4j) can write a VTIMEZONE
 * for. Left out: offsets ("+02:00", "GMT+2", which ZoneId.of would take), the {@code SystemV/*}
 * zones (dropped from the IANA database in 2020; ical4j has no definition for them, so a feed in
 * one could not be written) and ids other libraries register with the JDK at run time (ical4j's
 * own {@code ical4j-local-*}). The {@code Etc/*} zones and the old aliases ("US/Eastern", "GB")
 * stay: they are IANA names, clients resolve them and ical4j defines them. The publishing module's
 * tests check every accepted zone against ical4j.
 */
public final class EventZones {

    /** An IANA name: "Area/Location" or a legacy single name, always starting with a capital. */
    private static final Pattern IANA_NAME = Pattern.compile("[A-Z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*");

    private EventZones() {
    }

    /** Whether an event may be in the zone of this id. */
    public static boolean accepted(String id) {
        return id != null && IANA_NAME.matcher(id).matches() && !id.startsWith("SystemV/")
                && ZoneId.getAvailableZoneIds().contains(id);
    }

    /** Every zone an event may be in, sorted. */
    public static Set<String> all() {
        Set<String> all = new TreeSet<>();
        ZoneId.getAvailableZoneIds().stream().filter(EventZones::accepted).forEach(all::add);
        return all;
    }
}
