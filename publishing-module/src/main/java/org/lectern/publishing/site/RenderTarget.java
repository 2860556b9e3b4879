package org.lectern.publishing.site;

import java.util.UUID;

/**
 * A unit of the site that renders, fails and is retried on its own: an event's files (pages, feed,
 * exports), a person's page and feed, or the site's own files (the home page, {@code /calendar.ics},
 * the stylesheet, the removal of folders that went).
 *
 * @param kind "event", "person" or "site"
 * @param id   the event's or person's id; null for the site, or for a folder whose owner is unknown
 * @param name the event's slug, the person's slug, or what the site target is
 */
public record RenderTarget(String kind, UUID id, String name) {

    static RenderTarget event(UUID id, String slug) {
        return new RenderTarget("event", id, slug);
    }

    static RenderTarget person(UUID id, String slug) {
        return new RenderTarget("person", id, slug);
    }

    static RenderTarget site(String what) {
        return new RenderTarget("site", null, what);
    }

    /** Two reports of one target are the same failure: by id where there is one, else by name. */
    String key() {
        return kind + ":" + (id != null ? id : name);
    }
}
