package org.lectern.events.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lectern.events.api.EventView;
import org.lectern.events.api.MeetingView;
import org.lectern.events.api.RecurrenceView;
import org.lectern.events.api.SessionView;

/**
 * The parts of one event, below {@code /api/events/{id}}: {@code program} (the whole program in
 * one document), {@code sessions[/{sid}]}, {@code items[/{iid}]}, and the parts read and replaced
 * as one document each: {@code committee}, {@code announcements}, {@code sponsors}, {@code papers},
 * a course's {@code recurrence} and {@code meetings/{date}}. Writes check If-Match when it is sent.
 * Reached through {@link EventsResource}; HTTP only, the work is the editor's.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class EventPartsResource {

    private final EventEditor editor;
    private final UriInfo uri;
    private final String eventId;
    private final String ifMatch;

    EventPartsResource(EventEditor editor, UriInfo uri, String eventId, String ifMatch) {
        this.editor = editor;
        this.uri = uri;
        this.eventId = eventId;
        this.ifMatch = ifMatch;
    }

    /** The program as the document PUT takes: local times, ids to keep, durations where given. */
    @GET
    @Path("program")
    public Response program() {
        EventView event = editor.get(eventId);
        return Response.ok(editor.programDocument(eventId)).tag(Preconditions.etag(event)).build();
    }

    @PUT
    @Path("program")
    public Response replaceProgram(DetailInputs.ProgramInput input) {
        EventView event = editor.replaceProgram(eventId, basedOn(), input);
        return Response.ok(editor.programDocument(eventId)).tag(Preconditions.etag(event)).build();
    }

    /**
     * The sessions as the session resource shows them. Sessions and items have no version of their
     * own: their ETag is the event's, and If-Match on their writes names it.
     */
    @GET
    @Path("sessions")
    public List<ProgramDocuments.SessionDocument> sessions() {
        return editor.sessionDocuments(eventId);
    }

    @POST
    @Path("sessions")
    public Response addSession(SessionInput input) {
        UUID added = editor.addSession(eventId, basedOn(), input).id();
        ProgramDocuments.Versioned<ProgramDocuments.SessionDocument> session = sessionOf(added);
        return Response.created(uri.getAbsolutePathBuilder().path(added.toString()).build())
                .entity(session.document()).tag(etag(session)).build();
    }

    /** One session: the fields its PUT takes, as given, and its items as the item resource shows them. */
    @GET
    @Path("sessions/{sid}")
    public Response session(@PathParam("sid") UUID sessionId) {
        return tagged(sessionOf(sessionId));
    }

    @PUT
    @Path("sessions/{sid}")
    public Response replaceSession(@PathParam("sid") UUID sessionId, SessionInput input) {
        checkSameId(sessionId, input == null ? null : input.id(), "session");
        editor.reviseSession(eventId, sessionId, basedOn(), input);
        return tagged(sessionOf(sessionId));
    }

    @DELETE
    @Path("sessions/{sid}")
    public Response removeSession(@PathParam("sid") UUID sessionId) {
        editor.removeSession(eventId, sessionId, basedOn());
        return Response.noContent().build();
    }

    @GET
    @Path("items")
    public List<ProgramDocuments.ItemDocument> items() {
        return editor.itemDocuments(eventId);
    }

    /** Adds an item to the session, after its last item. */
    @POST
    @Path("sessions/{sid}/items")
    public Response addItem(@PathParam("sid") UUID sessionId, SessionInput.ItemInput input) {
        SessionView session = editor.addItem(eventId, sessionId, basedOn(), input);
        UUID added = session.items().get(session.items().size() - 1).id();
        ProgramDocuments.Versioned<ProgramDocuments.ItemDocument> item = editor.itemDocument(eventId, added);
        return Response.created(uri.getBaseUriBuilder().path("events").path(eventId).path("items")
                .path(added.toString()).build()).entity(item.document()).tag(etag(item)).build();
    }

    /** One item: the fields its PUT takes, as given, then read-only facts (sequence, scheduled times). */
    @GET
    @Path("items/{iid}")
    public Response item(@PathParam("iid") UUID itemId) {
        return tagged(editor.itemDocument(eventId, itemId));
    }

    @PUT
    @Path("items/{iid}")
    public Response replaceItem(@PathParam("iid") UUID itemId, SessionInput.ItemInput input) {
        checkSameId(itemId, input == null ? null : input.id(), "item");
        editor.reviseItem(eventId, itemId, basedOn(), input);
        return tagged(editor.itemDocument(eventId, itemId));
    }

    @DELETE
    @Path("items/{iid}")
    public Response removeItem(@PathParam("iid") UUID itemId) {
        editor.removeItem(eventId, itemId, basedOn());
        return Response.noContent().build();
    }

    @GET
    @Path("committee")
    public Response committee() {
        EventView event = editor.get(eventId);
        return tagged(event, event.committee());
    }

    @PUT
    @Path("committee")
    public Response replaceCommittee(List<DetailInputs.CommitteeGroupInput> groups) {
        return tagged(editor.replaceCommittee(eventId, basedOn(), groups), editor.get(eventId).committee());
    }

    @GET
    @Path("announcements")
    public Response announcements() {
        EventView event = editor.get(eventId);
        return tagged(event, event.announcements());
    }

    @PUT
    @Path("announcements")
    public Response replaceAnnouncements(List<DetailInputs.AnnouncementInput> input) {
        EventView event = editor.replaceAnnouncements(eventId, basedOn(), input);
        return tagged(event, event.announcements());
    }

    @GET
    @Path("sponsors")
    public Response sponsors() {
        EventView event = editor.get(eventId);
        return tagged(event, event.sponsors());
    }

    @PUT
    @Path("sponsors")
    public Response replaceSponsors(List<DetailInputs.SponsorInput> input) {
        EventView event = editor.replaceSponsors(eventId, basedOn(), input);
        return tagged(event, event.sponsors());
    }

    @GET
    @Path("papers")
    public Response papers() {
        EventView event = editor.get(eventId);
        return tagged(event, event.papers());
    }

    @PUT
    @Path("papers")
    public Response replacePapers(List<DetailInputs.PaperInput> input) {
        EventView event = editor.replacePapers(eventId, basedOn(), input);
        return tagged(event, event.papers());
    }

    @GET
    @Path("recurrence")
    public RecurrenceView recurrence() {
        RecurrenceView recurrence = editor.get(eventId).recurrence();
        if (recurrence == null) {
            throw new NotFoundException("The event has no weekly meetings");
        }
        return recurrence;
    }

    @PUT
    @Path("recurrence")
    public Response setRecurrence(DetailInputs.RecurrenceInput input) {
        EventView event = editor.setRecurrence(eventId, basedOn(), input);
        return tagged(event, event.recurrence());
    }

    @DELETE
    @Path("recurrence")
    public Response clearRecurrence() {
        editor.clearRecurrence(eventId, basedOn());
        return Response.noContent().build();
    }

    @GET
    @Path("meetings")
    public List<MeetingView> meetings() {
        return editor.get(eventId).meetings();
    }

    @GET
    @Path("meetings/{date}")
    public MeetingView meeting(@PathParam("date") String date) {
        return editor.getMeeting(eventId, date(date));
    }

    @PUT
    @Path("meetings/{date}")
    public MeetingView putMeeting(@PathParam("date") String date, DetailInputs.MeetingInput input) {
        return editor.putMeeting(eventId, date(date), basedOn(), input);
    }

    /** Drops the override: the meeting is as the recurrence gives it again. */
    @DELETE
    @Path("meetings/{date}")
    public Response removeMeeting(@PathParam("date") String date) {
        editor.removeMeeting(eventId, date(date), basedOn());
        return Response.noContent().build();
    }

    /** A meeting's date in the path, as 2025-10-03. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProgramRuleViolation("date", "must be a date such as 2025-10-03");
        }
    }

    private Long basedOn() {
        return Preconditions.basedOn(ifMatch, false);
    }

    private ProgramDocuments.Versioned<ProgramDocuments.SessionDocument> sessionOf(UUID sessionId) {
        return editor.sessionDocument(eventId, sessionId);
    }

    /** An id in the body is checked, not taken: it must be the one in the path (or left out). */
    private static void checkSameId(UUID inPath, UUID inBody, String what) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw new ProgramRuleViolation("id", "is not this " + what + "'s id (" + inPath
                    + "); an id cannot be changed, leave it out or send the one you read");
        }
    }

    private static EntityTag etag(ProgramDocuments.Versioned<?> read) {
        return new EntityTag(Long.toString(read.version()));
    }

    private static Response tagged(ProgramDocuments.Versioned<?> read) {
        return Response.ok(read.document()).tag(etag(read)).build();
    }

    private static Response tagged(EventView event, Object body) {
        return Response.ok(body).tag(Preconditions.etag(event)).build();
    }
}
