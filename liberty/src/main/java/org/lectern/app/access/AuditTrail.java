package org.lectern.app.access;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Records every write to the admin API (POST, PUT, PATCH, DELETE), refused ones included, once its
 * answer is known. The resource's own transaction has committed by then, so a failure to record
 * is logged and never undoes or fails the organizer's change.
 */
@Provider
public class AuditTrail implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    AuditLog log;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        Principal caller = request.getSecurityContext().getUserPrincipal();
        String path = "/" + request.getUriInfo().getRequestUri().getRawPath().replaceFirst("^/+", "");
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        AuditEntry entry = new AuditEntry(Instant.now(), caller == null ? "(anonymous)" : caller.getName(),
                request.getMethod(), query == null ? path : path + "?" + query, response.getStatus(),
                request.getHeaderString("If-Match"), response.getHeaderString("ETag"));
        try {
            log.record(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record " + entry.method() + " " + entry.path() + " by " + entry.user(), e);
        }
    }
}
