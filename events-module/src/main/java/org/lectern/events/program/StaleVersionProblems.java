package org.lectern.events.program;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A write based on an old version of the event: 412 naming If-Match. */
@Provider
public class StaleVersionProblems implements ExceptionMapper<StaleVersion> {

    @Override
    public Response toResponse(StaleVersion stale) {
        return Preconditions.problem(412, "Precondition Failed", stale.getMessage()).getResponse();
    }
}
