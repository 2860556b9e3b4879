package org.lectern.publishing.site;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The targets that failed to render and have not rendered since, each with its own back-off
 * (half a second, doubling up to {@link #LAST_RETRY}): a poison record is retried on its own, never
 * with the rest of the site. One log line when a target starts failing and one when it recovers,
 * not one per retry. Thread-safe.
 */
final class RenderFailures {

    private static final Logger LOG = Logger.getLogger(RenderFailures.class.getName());
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private static final class Entry {
        RenderTarget target;
        String path;
        String error;
        Instant since;
        int attempts;
        Instant nextAttemptAt;
        boolean retryScheduled;
    }

    private final Map<String, Entry> failing = new LinkedHashMap<>();

    /**
     * Records a failed attempt; answers how long to wait before the retry, or null when a retry is
     * already scheduled (a new change to the target brought the attempt forward).
     */
    synchronized Duration failed(RenderReport.Failed failure, Instant now) {
        Entry entry = failing.get(failure.target().key());
        if (entry == null) {
            entry = new Entry();
            entry.since = now;
            failing.put(failure.target().key(), entry);
            LOG.warning("Cannot render " + failure.path() + " (" + failure.target().kind() + " " + failure.target().name()
                    + "): " + describe(failure.error()) + "; the rest of the site is published, this "
                    + failure.target().kind() + " is retried with back-off");
        }
        Entry failed = entry;
        LOG.log(Level.FINE, failure.error(), () -> "Rendering " + failure.path() + " failed again (" + failed.attempts + ")");
        entry.target = failure.target();
        entry.path = failure.path();
        entry.error = describe(failure.error());
        entry.attempts++;
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(entry.attempts - 1, 6));
        backoff = backoff.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff;
        entry.nextAttemptAt = now.plus(backoff);
        if (entry.retryScheduled) {
            return null;
        }
        entry.retryScheduled = true;
        return backoff;
    }

    /** The scheduled retry of the target has been marked for rendering. */
    synchronized void retrying(RenderTarget target) {
        Entry entry = failing.get(target.key());
        if (entry != null) {
            entry.retryScheduled = false;
        }
    }

    /** The target rendered: if it was failing, it recovered. */
    synchronized void rendered(RenderTarget target) {
        Entry entry = failing.remove(target.key());
        if (entry != null) {
            LOG.info("Rendered " + entry.path + " (" + target.kind() + " " + target.name() + ") again: recovered after "
                    + entry.attempts + " failed attempts since " + entry.since);
        }
    }

    synchronized int count() {
        return failing.size();
    }

    synchronized List<FailingTarget> list() {
        return failing.values().stream().sorted(Comparator.comparing((Entry e) -> e.since))
                .map(e -> new FailingTarget(e.target.kind(), e.target.id(), e.target.name(), e.path, e.error, e.since,
                        e.attempts, e.nextAttemptAt))
                .toList();
    }

    /** The error in one line: the outermost message and, when another, the root cause. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = error.getClass().getSimpleName() + ": " + error.getMessage();
        String line = root == error ? outer : outer + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return line.replaceAll("[\\r\\n\\t]+", " ");
    }
}
