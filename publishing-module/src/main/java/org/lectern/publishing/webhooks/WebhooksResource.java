package org.lectern.publishing.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin API for the webhooks: {@code GET /api/publishing/webhooks} (settings, redacted),
 * {@code GET /api/publishing/webhooks/deliveries[?state=FAILED]} (the delivery log, newest first)
 * and {@code GET /api/publishing/webhooks/deliveries/{id}} (one delivery, by the id sent in
 * {@code X-Lectern-Delivery}).
 */
@RolesAllowed("admin")
@Path("publishing/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    PublishNotices notices;

    @GET
    public WebhookSettings settings() {
        return notices.settings();
    }

    @GET
    @Path("deliveries")
    public List<Delivery> deliveries(@QueryParam("state") String state) {
        if (state == null || state.isBlank()) {
            return notices.deliveries();
        }
        Delivery.State wanted = parse(state);
        return notices.deliveries().stream().filter(d -> d.state() == wanted).toList();
    }

    @GET
    @Path("deliveries/{id}")
    public Delivery delivery(@PathParam("id") String id) {
        return notices.delivery(id).orElseThrow(() -> new NotFoundException(
                "No delivery " + id + " in the log (it keeps the last " + notices.settings().logSize() + ")"));
    }

    private static Delivery.State parse(String state) {
        try {
            return Delivery.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state must be one of " + Arrays.toString(Delivery.State.values())
                    + ", not '" + state + "'");
        }
    }
}
