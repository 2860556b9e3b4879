package org.lectern.publishing.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lectern.publishing.intake.DeadLetter;
import org.lectern.publishing.intake.DeadLetters;
import org.lectern.publishing.intake.Replayed;

/**
 * The dead letters: messages a consumer could not handle within the broker's delivery attempts.
 * {@code GET /api/publishing/dead-letters} lists them with the reason this module cannot read them;
 * {@code POST /api/publishing/dead-letters?id=ID:…} sends one back to the subscription that failed
 * it (404 when there is no such letter), and {@code POST} without an id sends back all of them.
 * A letter that still cannot be read comes back after its attempts run out again.
 */
@Path("publishing/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeadLettersResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    public List<DeadLetter> list() {
        return deadLetters.list();
    }

    @POST
    public List<Replayed> replay(@QueryParam("id") String id) {
        if (id == null) {
            return deadLetters.replayAll();
        }
        List<Replayed> replayed = deadLetters.replay(id);
        if (replayed.isEmpty()) {
            throw new NotFoundException("No dead letter " + id);
        }
        return replayed;
    }
}
