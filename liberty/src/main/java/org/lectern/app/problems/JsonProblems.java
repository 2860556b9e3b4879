package org.lectern.app.problems;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that JSON-B cannot read (malformed JSON, a date that is no date): 400. */
@Provider
public class JsonProblems implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problem.of(400, "Bad Request", "The request body is not valid JSON for this resource: " + exception.getMessage());
    }
}
