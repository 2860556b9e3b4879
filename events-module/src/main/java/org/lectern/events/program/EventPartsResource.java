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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lectern.events.api.CommitteeGroupView;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
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

    @GET
    @Path("sessions")
    public List<SessionView> sessions() {
        return editor.get(eventId).sessions();
    }

    @POST
    @Path("sessions")
    public Response addSession(SessionInput input) {
        SessionView added = editor.addSession(eventId, basedOn(), input);
        return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build()).entity(added).build();
    }

    @GET
    @Path("sessions/{sid}")
    public SessionView session(@PathParam("sid") UUID sessionId) {
        return editor.getSession(eventId, sessionId);
    }

    @PUT
    @Path("sessions/{sid}")
    public SessionView replaceSession(@PathParam("sid") UUID sessionId, SessionInput input) {
        return editor.reviseSession(eventId, sessionId, basedOn(), input);
    }

    @DELETE
    @Path("sessions/{sid}")
    public Response removeSession(@PathParam("sid") UUID sessionId) {
        editor.removeSession(eventId, sessionId, basedOn());
        return Response.noContent().build();
    }

    @GET
    @Path("items")
    public List<ItemView> items() {
        return editor.get(eventId).items();
    }

    /** Adds an item to the session, after its last item. */
    @POST
    @Path("sessions/{sid}/items")
    public Response addItem(@PathParam("sid") UUID sessionId, SessionInput.ItemInput input) {
        SessionView session = editor.addItem(eventId, sessionId, basedOn(), input);
        ItemView added = session.items().get(session.items().size() - 1);
        return Response.created(uri.getBaseUriBuilder().path("events").path(eventId).path("items")
                .path(added.id().toString()).build()).entity(added).build();
    }

    @GET
    @Path("items/{iid}")
    public ItemView item(@PathParam("iid") UUID itemId) {
        return editor.get(eventId).items().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No item " + itemId));
    }

    @PUT
    @Path("items/{iid}")
    public ItemView replaceItem(@PathParam("iid") UUID itemId, SessionInput.ItemInput input) {
        return editor.reviseItem(eventId, itemId, basedOn(), input).items().stream()
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    @DELETE
    @Path("items/{iid}")
    public Response removeItem(@PathParam("iid") UUID itemId) {
        editor.removeItem(eventId, itemId, basedOn());
        return Response.noContent().build();
    }

    @GET
    @Path("committee")
    public List<CommitteeGroupView> committee() {
        return editor.get(eventId).committee();
    }

    @PUT
    @Path("committee")
    public Response replaceCommittee(List<DetailInputs.CommitteeGroupInput> groups) {
        return tagged(editor.replaceCommittee(eventId, basedOn(), groups), editor.get(eventId).committee());
    }

    @GET
    @Path("announcements")
    public List<EventView.AnnouncementView> announcements() {
        return editor.get(eventId).announcements();
    }

    @PUT
    @Path("announcements")
    public Response replaceAnnouncements(List<DetailInputs.AnnouncementInput> input) {
        EventView event = editor.replaceAnnouncements(eventId, basedOn(), input);
        return tagged(event, event.announcements());
    }

    @GET
    @Path("sponsors")
    public List<EventView.SponsorView> sponsors() {
        return editor.get(eventId).sponsors();
    }

    @PUT
    @Path("sponsors")
    public Response replaceSponsors(List<DetailInputs.SponsorInput> input) {
        EventView event = editor.replaceSponsors(eventId, basedOn(), input);
        return tagged(event, event.sponsors());
    }

    @GET
    @Path("papers")
    public List<EventView.PaperView> papers() {
        return editor.get(eventId).papers();
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

    private static Response tagged(EventView event, Object body) {
        return Response.ok(body).tag(Preconditions.etag(event)).build();
    }
}
