package org.lectern.events.frab;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.events.program.EventEditor;
import org.lectern.events.program.ProgramRuleViolation;

/**
 * {@code POST /api/imports/frab}: a frab {@code schedule.xml} or {@code schedule.json} creates or
 * updates a conference (as a draft when new) with its rooms, days, tracks, talks and people.
 * {@code ?timeZone=} places a schedule that names no zone; {@code ?slug=} picks the event.
 */
@RolesAllowed("editor")
@Path("imports/frab")
@RequestScoped
public class FrabImportResource {

    @Inject
    EventEditor editor;

    @Inject
    @ConfigProperty(name = "lectern.import.max.bytes", defaultValue = "20971520")
    int maxBytes;

    @POST
    @Consumes({"application/xml", "text/xml", MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importSchedule(InputStream body, @QueryParam("timeZone") String timeZone,
                                   @QueryParam("slug") String slug) {
        byte[] document = readAtMost(body, maxBytes);
        ZoneId fallback = timeZone == null ? ZoneOffset.UTC : zone(timeZone);
        FrabSchedule schedule;
        try {
            schedule = FrabReader.read(document, fallback);
        } catch (FrabFormatException e) {
            throw new ProgramRuleViolation("file", e.getMessage());
        }
        FrabImport.Plan plan = FrabImport.plan(schedule, slug, fallback);
        EventEditor.Imported imported = editor.importSchedule(plan.event(), plan.program(), plan.people(),
                "frab:" + plan.event().slug());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eventId", imported.event().id());
        report.put("slug", imported.event().slug());
        report.put("created", imported.created());
        report.put("rooms", plan.rooms());
        report.put("days", plan.days());
        report.put("tracks", plan.tracks());
        report.put("items", plan.items());
        report.put("people", plan.people().size());
        report.put("itemsChanged", imported.itemsChanged().size());
        return Response.status(imported.created() ? 201 : 200).entity(report).build();
    }

    private static ZoneId zone(String name) {
        if (!org.lectern.events.api.EventZones.accepted(name)) {
            throw new ProgramRuleViolation("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        return ZoneId.of(name);
    }

    private static byte[] readAtMost(InputStream body, int limit) {
        try (body) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new WebApplicationException(Response.status(413).type("application/problem+json")
                        .entity(Map.of("type", "about:blank", "title", "Content Too Large", "status", 413,
                                "detail", "file: the schedule is larger than " + limit + " bytes"))
                        .build());
            }
            return bytes;
        } catch (IOException e) {
            throw new ProgramRuleViolation("file", "could not be read: " + e.getMessage());
        }
    }
}
