package org.lectern.events.program;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a broken program rule with an RFC 9457 problem naming the field. */
@Provider
public class ProgramRuleProblems implements ExceptionMapper<ProgramRuleViolation> {

    @Override
    public Response toResponse(ProgramRuleViolation violation) {
        return Response.status(422)
                .type("application/problem+json")
                .entity(Map.of(
                        "type", "about:blank",
                        "title", "Invalid input",
                        "status", 422,
                        "detail", violation.field() + ": " + violation.getMessage(),
                        "errors", List.of(Map.of("field", violation.field(), "message", violation.getMessage()))))
                .build();
    }
}
