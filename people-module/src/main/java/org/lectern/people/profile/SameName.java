package org.lectern.people.profile;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A create refused because a person of the same name exists: 409 with the candidates, so the
 * organizer picks one (or says, with {@code ?duplicate=allow}, that they mean someone new). Names
 * are the same when they differ only in case, accents and spacing ("Luo  Mai", "luo mai", "Luó Mai").
 */
final class SameName {

    private SameName() {
    }

    /** The name as compared: accents folded, lower case, one space between words. */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    static WebApplicationException conflict(List<PersonDocument> candidates) {
        String message = "a person of this name exists already (" + candidates.size()
                + "): use their id, or send ?duplicate=allow to create another person of the same name";
        return conflict(message, candidates.stream().map(p -> Map.<String, Object>of("id", p.id().toString(),
                "name", p.name(), "slug", p.slug(),
                "affiliations", p.affiliations().stream().map(a -> a.name()).toList())).toList());
    }

    /**
     * Two creates of one name at the same moment: the database let one take the slug. The other is
     * made again by the resource (and then sees the first); should it escape, it is a 409 as well.
     */
    static final class Race extends WebApplicationException {
        private static final long serialVersionUID = 1L;

        Race() {
            super(response("a person of this name was created at the same moment: read the people again"
                    + " (GET /api/people?q=...) and use theirs, or send ?duplicate=allow", List.of()));
        }
    }

    private static WebApplicationException conflict(String message, List<Map<String, Object>> candidates) {
        return new WebApplicationException(response(message, candidates));
    }

    private static Response response(String message, List<Map<String, Object>> candidates) {
        return Response.status(409).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Conflict", "status", 409,
                        "detail", "name: " + message,
                        "errors", List.of(Map.of("field", "name", "message", message)),
                        "candidates", candidates))
                .build();
    }
}
