package org.lectern.app.access;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lectern.app.problems.Problem;

/**
 * {@code GET /api/audit} (admins only): admin writes, newest first, filtered by {@code user},
 * {@code path} (a prefix such as {@code /api/events/…}) and {@code since} (an ISO instant).
 */
@RolesAllowed("admin")
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    public record AuditView(long id, Instant at, String user, String method, String path, int status,
            String versionBefore, String versionAfter) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id(), e.at(), e.user(), e.method(), e.path(), e.status(), e.versionBefore(),
                    e.versionAfter());
        }
    }

    @Inject
    AuditLog log;

    @GET
    public Response find(@QueryParam("user") String user, @QueryParam("path") String path,
            @QueryParam("since") String since, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problem.invalid(List.of(Map.of("field", "limit", "message", "must be 1 to " + MAX_LIMIT)));
        }
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                return Problem.invalid(List.of(Map.of("field", "since", "message",
                        "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z")));
            }
        }
        return Response.ok(log.find(user, path, from, limit).stream().map(AuditView::of).toList()).build();
    }
}
