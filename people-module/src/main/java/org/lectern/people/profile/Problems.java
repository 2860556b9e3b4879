package org.lectern.people.profile;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem responses of the people API, each naming the field or header at fault. */
final class Problems {

    private Problems() {
    }

    static WebApplicationException of(int status, String title, String field, String message) {
        return new WebApplicationException(Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status,
                        "detail", field + ": " + message,
                        "errors", List.of(Map.of("field", field, "message", message))))
                .build());
    }
}
