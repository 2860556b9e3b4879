package org.lectern.events.frab;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A talk as found in the file: cleaned texts, checked and parsed only by {@link #toTalk}. */
final class TalkDraft {

    /** The talk fields the model keeps; frab uses the same names for XML elements and JSON fields. */
    static final Set<String> FIELDS = Set.of("date", "start", "duration", "room", "track", "type", "language",
            "title", "subtitle", "abstract", "description", "slug", "url");

    private final String id;
    private final String guid;
    private final String where;
    private final DayDraft day;
    private final String dayRoom;
    private final Map<String, String> fields = new HashMap<>();
    private final List<FrabPerson> persons = new ArrayList<>();

    /**
     * @param where   where the talk is, for messages, e.g. {@code event id="42" at line 7}
     * @param day     the day the talk is listed under, or null
     * @param dayRoom the name of the room the talk is listed under, or null
     */
    TalkDraft(String id, String guid, String where, DayDraft day, String dayRoom) {
        this.id = id;
        this.guid = guid;
        this.where = where;
        this.day = day;
        this.dayRoom = dayRoom;
    }

    void put(String field, String text) {
        if (text != null) {
            fields.put(field, text);
        }
    }

    /** Persons without any name carry nothing worth keeping and are dropped. */
    void addPerson(String personId, String personGuid, String name) {
        if (name != null) {
            persons.add(new FrabPerson(personId, personGuid, name));
        }
    }

    FrabTalk toTalk(ZoneId zone) {
        String talkId = id != null ? id : guid;
        if (talkId == null) {
            throw new FrabFormatException(where + " has neither an id nor a guid");
        }
        String title = firstOf(fields.get("title"), fields.get("slug"), talkId);
        return new FrabTalk(talkId, guid, start(zone), duration(), room(), fields.get("track"), fields.get("type"),
                fields.get("language"), title, fields.get("subtitle"), fields.get("abstract"),
                fields.get("description"), fields.get("slug"), fields.get("url"), persons);
    }

    /** The talk's own date wins; the day's date with the talk's clock time is the fallback. */
    private OffsetDateTime start(ZoneId zone) {
        String date = fields.get("date");
        if (date != null) {
            return FrabTimes.dateTime(date, zone, "date", where);
        }
        String time = fields.get("start");
        if (time == null) {
            throw new FrabFormatException(where + " has neither a date nor a start time");
        }
        if (day == null) {
            throw new FrabFormatException(where + " has no date and is not inside a day");
        }
        return day.startOf(FrabTimes.timeOfDay(time, where), zone, where);
    }

    private Duration duration() {
        String text = fields.get("duration");
        if (text == null) {
            throw new FrabFormatException(where + " has no duration");
        }
        return FrabTimes.duration(text, where);
    }

    // The room the talk is listed under is the one the file's structure (and the room list) knows;
    // merged files disambiguate it ("1Komona headnut") while the talk itself says "headnut".
    private String room() {
        return dayRoom != null ? dayRoom : fields.get("room");
    }

    static String firstOf(String... texts) {
        for (String text : texts) {
            if (text != null) {
                return text;
            }
        }
        return null;
    }
}
