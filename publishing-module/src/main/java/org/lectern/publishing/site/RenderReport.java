package org.lectern.publishing.site;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one batch did per target: the targets it rendered, and for those that failed the first file
 * that could not be rendered and why. Thread-safe: an event's feed is rendered on a second thread.
 */
final class RenderReport {

    /** A file of a target that could not be rendered. */
    record Failed(RenderTarget target, String path, RuntimeException error) {
    }

    private final Map<String, RenderTarget> attempted = new LinkedHashMap<>();
    private final Map<String, Failed> failed = new LinkedHashMap<>();

    synchronized void attempted(RenderTarget target) {
        attempted.putIfAbsent(target.key(), target);
    }

    synchronized void failed(RenderTarget target, String path, RuntimeException error) {
        attempted.putIfAbsent(target.key(), target);
        failed.putIfAbsent(target.key(), new Failed(target, path, error));
    }

    /** The targets whose every file was rendered (or removed) in this batch. */
    synchronized Set<RenderTarget> succeeded() {
        Set<RenderTarget> succeeded = new LinkedHashSet<>();
        attempted.forEach((key, target) -> {
            if (!failed.containsKey(key)) {
                succeeded.add(target);
            }
        });
        return succeeded;
    }

    synchronized java.util.List<Failed> failures() {
        return java.util.List.copyOf(failed.values());
    }
}
