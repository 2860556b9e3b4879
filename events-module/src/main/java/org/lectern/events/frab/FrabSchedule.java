package org.lectern.events.frab;

import java.time.LocalDate;
import java.util.List;

/**
 * A conference schedule as read from a frab file.
 *
 * @param acronym  the conference acronym, or null if the file has none
 * @param title    the conference title, or null if the file has none
 * @param timeZone the IANA time zone name, or null if the file has none
 * @param start    the first day, or null if the file gives neither a start nor any day dates
 * @param end      the last day, or null like {@code start}
 * @param rooms    distinct room names in file order; every talk's room is among them
 * @param tracks   distinct track names in file order
 * @param talks    the talks in file order
 */
public record FrabSchedule(String acronym, String title, String timeZone, LocalDate start, LocalDate end,
        List<String> rooms, List<String> tracks, List<FrabTalk> talks) {

    public FrabSchedule {
        rooms = List.copyOf(rooms);
        tracks = List.copyOf(tracks);
        talks = List.copyOf(talks);
    }
}
