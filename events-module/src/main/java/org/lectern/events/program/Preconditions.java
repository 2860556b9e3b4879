package org.lectern.events.program;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.lectern.events.api.EventView;

/**
 * An event's ETag is its version. Replacing or deleting the event itself needs If-Match (428
 * without); changes of its parts (program, committee, ...) check If-Match when it is sent.
 */
final class Preconditions {

    private Preconditions() {
    }

    static EntityTag etag(EventView event) {
        return new EntityTag(Long.toString(event.version()));
    }

    /** The version If-Match names, or null for none (when allowed) or "*". */
    static Long basedOn(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw problem(428, "Precondition Required", "send the ETag of the event you changed, as returned by GET");
            }
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(tag.replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw problem(412, "Precondition Failed", "is not an ETag of this event: " + tag);
        }
    }

    static WebApplicationException problem(int status, String title, String message) {
        return new WebApplicationException(Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", "If-Match: " + message,
                        "errors", List.of(Map.of("field", "If-Match", "message", message))))
                .build());
    }
}
