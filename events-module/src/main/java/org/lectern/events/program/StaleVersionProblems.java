package org.lectern.events.program;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A write based on an old version of the event: 412 naming If-Match. */
@Provider
public class StaleVersionProblems implements ExceptionMapper<StaleVersion> {

    @Override
    public Response toResponse(StaleVersion stale) {
        Response problem = Preconditions.problem(412, "Precondition Failed", stale.getMessage()).getResponse();
        return Response.fromResponse(problem).tag(new EntityTag(Long.toString(stale.current()))).build();
    }
}
