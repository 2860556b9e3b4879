package org.lectern.publishing.site;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * On every start the site is brought in line with the data, so changes that were committed while
 * no consumer ran, or files a crash left behind, are put right without a manual step. It asks after
 * other start-up work (such as loading demo data), by its observer priority, for a rebuild as the
 * first batch: Liberty runs it as soon as the application has started, with the feeds rendered
 * alongside on the second core. Meanwhile the server already serves the site as it was on disk.
 */
@ApplicationScoped
public class SiteRecovery {

    @Inject
    RenderQueue queue;

    void onStart(@Observes @Priority(1000) @Initialized(ApplicationScoped.class) Object started) {
        queue.rebuild();
    }
}
