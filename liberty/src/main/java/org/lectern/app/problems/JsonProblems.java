package org.lectern.app.problems;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that JSON-B cannot read: 400. Bodies are checked field by field before JSON-B reads them
 * ({@code WholeJsonBodies}), so this is the rare rest; JSON-B's own message names Java classes
 * and its settings, so it is not repeated.
 */
@Provider
public class JsonProblems implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problem.of(400, "Bad Request", "The request body is not valid JSON for this resource.");
    }
}
