package org.lectern.app.problems;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details, the body of every error the API returns. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response of(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail))
                .build();
    }

    /** A 422 naming each offending field, e.g. {@code affiliations[0].name}. */
    public static Response invalid(List<Map<String, String>> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList());
        return Response.status(422).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", "Invalid input", "status", 422,
                        "detail", detail, "errors", errors))
                .build();
    }

    /** A 400 naming each field of the body that is unknown or has the wrong form, e.g. {@code items[2].speekers}. */
    public static Response badFields(List<Map<String, String>> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList());
        return Response.status(400).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", "Bad Request", "status", 400,
                        "detail", detail, "errors", errors))
                .build();
    }
}
