package org.lectern.publishing.site;

import java.time.Instant;
import java.util.List;

/**
 * Fired (CDI) after a batch of publishing work changed the site: the site paths written with new
 * bytes and the files and folders removed, each sorted. A batch that changed nothing fires nothing.
 */
public record SitePublished(Instant at, List<String> written, List<String> removed) {

    public SitePublished {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }
}
