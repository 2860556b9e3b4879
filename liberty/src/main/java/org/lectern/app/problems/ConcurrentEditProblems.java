package org.lectern.app.problems;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Two writers based on the same version: the database let one commit, and this is the other.
 * 412, as for a stale If-Match: the loser reads again and reapplies; nothing was lost.
 */
@Provider
public class ConcurrentEditProblems implements ExceptionMapper<OptimisticLockException> {

    @Override
    public Response toResponse(OptimisticLockException exception) {
        return Problem.of(412, "Precondition Failed",
                "If-Match: someone else changed this at the same moment; read it again and reapply your change");
    }
}
