package org.lectern.publishing.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lectern.publishing.site.PublishingStatus;
import org.lectern.publishing.site.RenderQueue;
import org.lectern.publishing.site.SiteManifest;

/**
 * Admin API for the published site: {@code GET /api/publishing/status} (last render, pending
 * work, lag), {@code GET /api/publishing/manifest} (every file with its hash, ETag and last
 * change) and {@code POST /api/publishing/rebuild} (render everything again from the data;
 * answered 202 at once, the status shows when it is done).
 */
@RolesAllowed("editor")
@Path("publishing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublishingResource {

    @Inject
    RenderQueue queue;

    @Inject
    SiteManifest manifest;

    @GET
    @Path("status")
    public PublishingStatus status() {
        return queue.status();
    }

    /** Every published file with its size, SHA-256, ETag and last change. */
    @GET
    @Path("manifest")
    public List<SiteManifest.Entry> manifest() {
        return manifest.entries();
    }

    @POST
    @Path("rebuild")
    @RolesAllowed("admin")
    public Response rebuild() {
        queue.rebuild();
        return Response.accepted(queue.status()).build();
    }
}
