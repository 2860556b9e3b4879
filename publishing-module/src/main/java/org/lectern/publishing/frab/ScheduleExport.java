package org.lectern.publishing.frab;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.lectern.events.api.EventView;
import org.lectern.people.api.PersonView;

/**
 * One event's program as frab {@code schedule.xml} and {@code schedule.json}. Both are written
 * from the same {@link FrabProgram}, so they carry the same days, rooms, ids and texts; nothing
 * comes from the clock, so the same input always gives the same bytes.
 */
public final class ScheduleExport {

    private ScheduleExport() {
    }

    /**
     * schedule.xml bytes (UTF-8), valid against shared/schemas/schedule.xml.xsd.
     *
     * @param people    the people the program names, by id; speakers missing here are left out
     * @param eventPage the event's public page (absolute http or https), the schedule's base_url and url
     */
    public static byte[] xml(EventView event, Map<UUID, PersonView> people, URI eventPage) {
        return ScheduleXml.write(FrabProgram.of(event, people, eventPage));
    }

    /** schedule.json bytes (UTF-8), valid against shared/schemas/schedule.json-schema.json. */
    public static byte[] json(EventView event, Map<UUID, PersonView> people, URI eventPage) {
        return ScheduleJson.write(FrabProgram.of(event, people, eventPage));
    }

    /** Both files from one reading of the program (the publisher writes both after every change). */
    public static Files both(EventView event, Map<UUID, PersonView> people, URI eventPage) {
        FrabProgram program = FrabProgram.of(event, people, eventPage);
        return new Files(ScheduleXml.write(program), ScheduleJson.write(program));
    }

    /** schedule.xml and schedule.json bytes, as {@link #xml} and {@link #json} write them. */
    public record Files(byte[] xml, byte[] json) {
    }
}
