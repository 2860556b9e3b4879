package org.lectern.app.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 4xx and 5xx raised as JAX-RS exceptions (not found, unreadable JSON, ...) as problem details. */
@Provider
public class RequestProblems implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String detail = exception.getMessage();
        if (status == 400 && exception.getCause() != null) {
            // usually JSON that does not parse or does not fit; the parser's message names the place
            detail = "The request body is not valid JSON for this resource: " + rootMessage(exception.getCause());
        }
        return Problem.of(status, original.getStatusInfo().getReasonPhrase(), detail);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
