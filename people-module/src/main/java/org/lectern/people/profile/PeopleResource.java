package org.lectern.people.profile;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.people.api.PhotoView;

/**
 * Admin API for people: {@code /api/people}. A person's ETag is its version; a write to an
 * existing person must send it back in {@code If-Match} (428 without, 412 when stale).
 */
@RolesAllowed("editor")
@Path("people")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    private PeopleEditor editor;

    @Inject
    @ConfigProperty(name = "lectern.photo.max.bytes", defaultValue = "2097152")
    int maxPhotoBytes;

    @Context
    private UriInfo uri;

    @GET
    public Page<PersonDocument> list(@QueryParam("q") String text,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0) {
            throw Problems.of(400, "Bad Request", "offset", "must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw Problems.of(400, "Bad Request", "limit", "must be between 1 and 500");
        }
        return editor.search(text, offset, limit);
    }

    @POST
    public Response create(@QueryParam("duplicate") String duplicate, PersonInput input) {
        if (duplicate != null && !"allow".equals(duplicate)) {
            throw Problems.of(400, "Bad Request", "duplicate", "must be \"allow\" (to create another person of a name that exists) or left out");
        }
        boolean sameNameAllowed = duplicate != null;
        PersonDocument created = createRetried(input, sameNameAllowed);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(etag(created)).entity(created).build();
    }

    /**
     * A create that met another create of the same name at the same moment is made once more (a
     * new transaction): it then sees the other person, and answers 409 with them as a candidate,
     * or, when a person of the same name is wanted, takes the next free slug.
     */
    private PersonDocument createRetried(PersonInput input, boolean sameNameAllowed) {
        for (int attempt = 1; ; attempt++) {
            try {
                return editor.create(input, sameNameAllowed);
            } catch (SameName.Race e) {
                // each round of a race lets one create in; twenty at once need up to twenty rounds
                if (attempt >= 25) {
                    throw e;
                }
            }
        }
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        PersonDocument person = editor.get(id);
        return Response.ok(person).tag(etag(person)).build();
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            PersonInput input) {
        PersonDocument person = editor.replace(id, basedOn(ifMatch), input);
        return Response.ok(person).tag(etag(person)).build();
    }

    /**
     * Deletes the person. Events they appear in keep the items, marked "speaker to be
     * announced" (the events module reacts to PersonRemoved); the If-Match makes sure the
     * organizer deletes the person they looked at.
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        editor.delete(id, basedOn(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/photo")
    @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
    public Response photo(@PathParam("id") String id) {
        PhotoView photo = editor.photo(id);
        return Response.ok(photo.bytes(), photo.contentType()).tag(new EntityTag(photo.digest())).build();
    }

    @PUT
    @Path("{id}/photo")
    @Consumes({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    public Response putPhoto(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                             InputStream body) {
        Photo photo;
        try {
            photo = Photo.of(type, readAtMost(body, maxPhotoBytes + 1), maxPhotoBytes);
        } catch (Photo.Refused refused) {
            throw Problems.of(refused.status, refused.status == 413 ? "Content Too Large" : "Invalid input",
                    "photo", refused.getMessage());
        }
        PersonDocument person = editor.putPhoto(id, photo);
        return Response.ok(person).tag(etag(person)).build();
    }

    @DELETE
    @Path("{id}/photo")
    public Response deletePhoto(@PathParam("id") String id) {
        PersonDocument person = editor.deletePhoto(id);
        return Response.ok(person).tag(etag(person)).build();
    }

    private static EntityTag etag(PersonDocument person) {
        return new EntityTag(Long.toString(person.version()));
    }

    /** The version an If-Match names; null for "*" (any). A write without If-Match is refused. */
    private static Long basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.of(428, "Precondition Required", "If-Match",
                    "send the ETag of the person you changed, as returned by GET");
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(tag.replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw Problems.of(412, "Precondition Failed", "If-Match", "is not an ETag of this person: " + tag);
        }
    }

    /** Reads the body, but never more than the limit (plus one byte, to tell it was over). */
    private static byte[] readAtMost(InputStream body, int limit) {
        try (body) {
            return body.readNBytes(limit);
        } catch (IOException e) {
            throw Problems.of(400, "Bad Request", "photo", "could not be read: " + e.getMessage());
        }
    }
}
