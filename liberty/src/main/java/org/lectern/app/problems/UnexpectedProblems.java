package org.lectern.app.problems;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Any exception no other mapper knows: a 500 problem that says nothing about the inside (no SQL, no
 * class names, no data), and a reference under which the whole exception is in the server's log.
 */
@Provider
public class UnexpectedProblems implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, exception);
        return Problem.of(500, "Internal Server Error",
                "Something went wrong on the server; the operator finds the details in its log under reference "
                        + reference + ".");
    }
}
