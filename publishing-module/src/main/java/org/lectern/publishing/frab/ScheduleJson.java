package org.lectern.publishing.frab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

/** Writes {@code schedule.json} with JSON-P's streaming generator, keys in a fixed order. */
final class ScheduleJson {

    private static final JsonGeneratorFactory FACTORY =
            Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private static final String SCHEMA = "https://c3voc.de/schedule/schema.json";

    /**
     * The JSON schema's time_zone_name pattern, as written there. As a JSON Schema pattern it
     * matches anywhere, so "America/Argentina/Buenos_Aires" passes while "Etc/GMT+5" or
     * "US/Central" do not; for those zones the optional key is left out (every date-time in the
     * file carries its offset anyway). The XML has no such rule and always names the zone.
     */
    private static final Pattern JSON_ZONE_NAME = Pattern.compile("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$");

    private ScheduleJson() {
    }

    static byte[] write(FrabProgram program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject()
                    .write("$schema", SCHEMA)
                    .writeStartObject("generator").write("name", "Lectern").writeEnd()
                    .writeStartObject("schedule")
                    .write("version", program.version())
                    .write("base_url", program.url());
            conference(json, program);
            json.writeEnd().writeEnd();
        }
        return out.toByteArray();
    }

    private static void conference(JsonGenerator json, FrabProgram program) {
        json.writeStartObject("conference")
                .write("acronym", program.acronym())
                .write("title", program.title())
                .write("start", program.startDate())
                .write("end", program.endDate())
                .write("daysCount", program.days().size())
                .write("timeslot_duration", program.timeslot());
        if (JSON_ZONE_NAME.matcher(program.zoneName()).find()) {
            json.write("time_zone_name", program.zoneName());
        }
        json.write("url", program.url());
        json.writeStartArray("rooms");
        for (FrabProgram.Room room : program.rooms()) {
            json.writeStartObject().write("name", room.name()).write("guid", room.guid().toString()).writeEnd();
        }
        json.writeEnd();
        json.writeStartArray("days");
        for (FrabProgram.Day day : program.days()) {
            json.writeStartObject()
                    .write("index", day.index())
                    .write("date", day.date())
                    .write("day_start", day.start())
                    .write("day_end", day.end())
                    .writeStartObject("rooms");
            for (FrabProgram.RoomEntries room : day.rooms()) {
                json.writeStartArray(room.room().name());
                room.entries().forEach(entry -> entry(json, entry, program.url()));
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        json.writeEnd();
        json.writeEnd();
    }

    /** Every key the schema requires is written, with null where the schema allows it and we have nothing. */
    private static void entry(JsonGenerator json, FrabProgram.Entry entry, String page) {
        json.writeStartObject()
                .write("guid", entry.guid().toString())
                .write("id", entry.id())
                .write("date", entry.date())
                .write("start", entry.start())
                .write("end", entry.end())
                .write("duration", entry.duration())
                .write("room", entry.room())
                .write("slug", entry.slug())
                .write("url", page) // no page per item: the event page, as in the calendar feed
                .write("title", entry.title());
        nullable(json, "subtitle", entry.subtitle());
        nullable(json, "track", entry.track());
        json.write("type", entry.type())
                .writeNull("language");
        nullable(json, "abstract", entry.abstractText());
        json.writeStartArray("persons");
        for (FrabProgram.Person person : entry.persons()) {
            // frab's person: "id" and "public_name". Adding "name" as well would match both the
            // FrabPerson and the PretalxPerson branch of the schema's oneOf, which must match one.
            json.writeStartObject()
                    .write("id", person.id())
                    .write("guid", person.guid().toString())
                    .write("public_name", person.name())
                    .writeEnd();
        }
        json.writeEnd();
        json.writeStartArray("links");
        for (FrabProgram.Link link : entry.links()) {
            json.writeStartObject().write("type", link.type()).write("url", link.url()).write("title", link.title())
                    .writeEnd();
        }
        json.writeEnd();
        json.writeEnd();
    }

    private static void nullable(JsonGenerator json, String key, String value) {
        if (value == null) {
            json.writeNull(key);
        } else {
            json.write(key, value);
        }
    }
}
