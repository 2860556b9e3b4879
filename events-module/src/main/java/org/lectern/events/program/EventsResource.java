package org.lectern.events.program;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.lectern.events.api.EventView;

/** Admin API for events: {@code /api/events}. HTTP only; the work is the editor's. */
@RolesAllowed("editor")
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    private EventEditor editor;

    @Context
    private UriInfo uri;

    @GET
    public List<EventView> list() {
        return editor.list();
    }

    @POST
    public Response create(EventInput input) {
        EventView created = editor.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(Preconditions.etag(created)).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return ok(editor.get(id));
    }

    /** Replaces what the event is (title, dates, venue, content); program and committee stay. */
    @PUT
    @Path("{id}")
    public Response describe(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             EventInput input) {
        return ok(editor.describe(id, Preconditions.basedOn(ifMatch, true), input));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        editor.delete(id, Preconditions.basedOn(ifMatch, true));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(editor.publish(id, Preconditions.basedOn(ifMatch, false)));
    }

    @POST
    @Path("{id}/unpublish")
    public Response unpublish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(editor.unpublish(id, Preconditions.basedOn(ifMatch, false)));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(editor.cancel(id, Preconditions.basedOn(ifMatch, false)));
    }

    /** Everything below an event: its program, sessions, items, committee and other parts. */
    @Path("{id}")
    public EventPartsResource parts(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return new EventPartsResource(editor, uri, id, ifMatch);
    }

    private static Response ok(EventView event) {
        return Response.ok(event).tag(Preconditions.etag(event)).build();
    }
}
