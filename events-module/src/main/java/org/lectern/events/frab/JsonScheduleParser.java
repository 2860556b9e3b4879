package org.lectern.events.frab;

import static org.lectern.events.frab.ScheduleDraft.clean;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads {@code schedule.json} with the JSON-P object model:
 * {@code {"schedule": {"conference": {..., "days": [{"date", "rooms": {"Room": [talk, ...]}}]}}}}.
 * Unknown fields are ignored; a known field of the wrong shape is reported with its JSON path.
 * Before the object model is built the document is read once as a stream and its size in values
 * and its depth bounded ({@link #MAX_VALUES}, {@link #MAX_DEPTH}): a 20 MB file of {@code [0,0,…]}
 * would otherwise become ten million objects (about 400 MB of heap).
 */
final class JsonScheduleParser {

    /** About 30 values a talk: room for 6,000 talks (36C3 had 1,351), and a model of a few tens of MB. */
    static final int MAX_VALUES = 200_000;
    /** frab's deepest value (a talk's person's field) is 8 levels down. */
    static final int MAX_DEPTH = 32;

    private final ScheduleDraft draft = new ScheduleDraft();

    private JsonScheduleParser() {
    }

    /** @param offset where the JSON starts, after a byte-order mark */
    static ScheduleDraft parse(byte[] document, int offset) {
        String text = decodeUtf8(document, offset);
        bound(text);
        JsonParser parser = Json.createParser(new StringReader(text));
        JsonValue root;
        try (parser) {
            parser.next();
            root = parser.getValue();
            // JsonReader would stop after the first value; anything after it makes the document malformed
            if (parser.hasNext()) {
                parser.next();
                throw new FrabFormatException("malformed JSON: content after the schedule" + at(parser.getLocation()));
            }
        } catch (FrabFormatException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new FrabFormatException("malformed JSON" + at(e.getLocation()) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // JsonException, and Parsson's nesting limit ("too deeply nested"), a bare RuntimeException
            throw new FrabFormatException("malformed JSON: " + e.getMessage(), e);
        }
        return new JsonScheduleParser().schedule(root);
    }

    /** Refuses a document of more values or deeper nesting than a schedule has, reading it as a stream (nothing kept). */
    static void bound(String text) {
        int values = 0;
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME) {
                    continue;
                }
                if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    if (--depth == 0) {
                        return; // the schedule's end; what follows it is the main reading's to refuse
                    }
                    continue;
                }
                if (++values > MAX_VALUES) {
                    throw new FrabFormatException("too large: more than " + MAX_VALUES + " JSON values"
                            + at(parser.getLocation()) + " (a schedule has about 30 a talk)");
                }
                if ((event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) && ++depth > MAX_DEPTH) {
                    throw new FrabFormatException("malformed JSON: too deeply nested: more than " + MAX_DEPTH + " levels"
                            + at(parser.getLocation()));
                }
            }
        } catch (FrabFormatException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new FrabFormatException("malformed JSON" + at(e.getLocation()) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new FrabFormatException("malformed JSON: " + e.getMessage(), e);
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** JSON is UTF-8 (RFC 8259); broken bytes are refused rather than silently replaced. */
    private static String decodeUtf8(byte[] document, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(document, offset, document.length - offset);
        CharBuffer out = CharBuffer.allocate(document.length - offset);
        if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
            throw new FrabFormatException("malformed JSON: not UTF-8 at byte " + in.position());
        }
        return out.flip().toString();
    }

    private ScheduleDraft schedule(JsonValue root) {
        JsonObject schedule = object(asObject(root, "$"), "schedule", "$");
        if (schedule == null) {
            throw new FrabFormatException("not a frab schedule: $.schedule is missing");
        }
        JsonObject conference = object(schedule, "conference", "$.schedule");
        if (conference != null) {
            conference(conference, "$.schedule.conference");
        }
        return draft;
    }

    private void conference(JsonObject conference, String path) {
        draft.conferenceAt(path);
        for (String field : ScheduleDraft.CONFERENCE_FIELDS) {
            draft.conference(field, text(conference, field, path));
        }
        names(conference, "rooms", path).forEach(draft::addRoom);
        names(conference, "tracks", path).forEach(draft::addTrack);
        JsonArray days = array(conference, "days", path);
        for (int i = 0; i < days.size(); i++) {
            String dayPath = path + ".days[" + i + "]";
            day(asObject(days.get(i), dayPath), dayPath);
        }
    }

    private void day(JsonObject json, String path) {
        DayDraft day = new DayDraft(text(json, "date", path), text(json, "day_start", path),
                text(json, "day_end", path), path);
        draft.addDay(day);
        JsonObject rooms = object(json, "rooms", path);
        if (rooms == null) {
            return;
        }
        for (Map.Entry<String, JsonValue> room : rooms.entrySet()) {
            String roomPath = path + ".rooms[" + quoted(room.getKey()) + "]";
            String name = clean(room.getKey());
            draft.addRoom(name);
            JsonArray talks = asArray(room.getValue(), roomPath);
            for (int i = 0; i < talks.size(); i++) {
                String talkPath = roomPath + "[" + i + "]";
                talk(asObject(talks.get(i), talkPath), talkPath, day, name);
            }
        }
    }

    private void talk(JsonObject json, String path, DayDraft day, String room) {
        String id = text(json, "id", path);
        String where = (id == null ? "talk" : "talk id=" + id) + " at " + path;
        TalkDraft talk = new TalkDraft(id, text(json, "guid", path), where, day, room);
        for (String field : TalkDraft.FIELDS) {
            talk.put(field, text(json, field, path));
        }
        JsonArray persons = array(json, "persons", path);
        for (int i = 0; i < persons.size(); i++) {
            person(persons.get(i), path + ".persons[" + i + "]", talk);
        }
        draft.addTalk(talk);
    }

    /** frab writes id and public_name; pretalx adds its code; some files have only a name, or a bare string. */
    private static void person(JsonValue value, String path, TalkDraft talk) {
        if (value instanceof JsonString name) {
            talk.addPerson(null, null, clean(name.getString()));
            return;
        }
        JsonObject person = asObject(value, path);
        talk.addPerson(TalkDraft.firstOf(text(person, "id", path), text(person, "code", path)),
                text(person, "guid", path),
                TalkDraft.firstOf(text(person, "public_name", path), text(person, "name", path)));
    }

    /** Names listed as strings or as objects with a "name", as conference rooms and tracks are. */
    private static List<String> names(JsonObject json, String key, String path) {
        JsonArray array = array(json, key, path);
        List<String> names = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue value = array.get(i);
            String itemPath = path + "." + key + "[" + i + "]";
            names.add(value instanceof JsonString name ? clean(name.getString()) : text(asObject(value, itemPath), "name", itemPath));
        }
        return names;
    }

    /** A scalar as cleaned text (ids are often numbers); absent or null is null; arrays and objects are refused. */
    private static String text(JsonObject json, String key, String path) {
        JsonValue value = json.get(key);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> clean(((JsonString) value).getString());
            case NUMBER, TRUE, FALSE -> value.toString();
            case ARRAY, OBJECT -> throw wrongShape("text", path + "." + key, value);
        };
    }

    private static JsonObject object(JsonObject json, String key, String path) {
        JsonValue value = json.get(key);
        return isAbsent(value) ? null : asObject(value, path + "." + key);
    }

    private static JsonArray array(JsonObject json, String key, String path) {
        JsonValue value = json.get(key);
        return isAbsent(value) ? JsonValue.EMPTY_JSON_ARRAY : asArray(value, path + "." + key);
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static JsonObject asObject(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongShape("an object", path, value);
        }
        return value.asJsonObject();
    }

    private static JsonArray asArray(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongShape("an array", path, value);
        }
        return value.asJsonArray();
    }

    private static FrabFormatException wrongShape(String expected, String path, JsonValue found) {
        return new FrabFormatException("expected " + expected + " at " + path + ", found "
                + found.getValueType().name().toLowerCase(Locale.ROOT));
    }

    private static String quoted(String key) {
        return '"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
