package org.lectern.publishing.admin;

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

/**
 * Admin API for the published site: {@code GET /api/publishing/status} (last render, pending work,
 * lag) and {@code POST /api/publishing/rebuild} (render everything again from the data; answered
 * 202 at once, the status shows when it is done).
 */
@Path("publishing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublishingResource {

    @Inject
    RenderQueue queue;

    @GET
    @Path("status")
    public PublishingStatus status() {
        return queue.status();
    }

    @POST
    @Path("rebuild")
    public Response rebuild() {
        queue.rebuild();
        return Response.accepted(queue.status()).build();
    }
}
