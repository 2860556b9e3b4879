package org.lectern.app.problems;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures of a request body: 422 with the JSON path of each field. */
@Provider
public class ConstraintProblems implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Map<String, String>> errors = exception.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> e) -> e.get("field")).thenComparing(e -> e.get("message")))
                .toList();
        return Problem.invalid(errors);
    }

    /** "affiliations[0].name" from the violation's path, leaving out method and parameter nodes. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                // the index (or key) belongs to the collection named by the previous node
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
