package org.lectern.publishing.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder the published site lives in. Every file is replaced atomically (written beside its
 * place, then moved over it), so a reader, or a crash, sees either the old bytes or the new ones.
 * Unchanged bytes are not rewritten, so a file's Last-Modified says when it last really changed.
 */
@ApplicationScoped
public class SiteDirectory {

    @Inject
    @ConfigProperty(name = "lectern.site.dir", defaultValue = "site")
    String configuredRoot;

    private Path root;

    /** What changed since the last {@link #takeChanges}: written paths, removed folders. */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void open() {
        root = Path.of(configuredRoot).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the site folder " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The file for a site path such as {@code events/x/schedule/index.html}, if the path stays
     * inside the site: {@code ..}, absolute paths and other escapes give nothing.
     */
    public Optional<Path> resolve(String sitePath) {
        return resolve(root, sitePath);
    }

    /**
     * The file for a site path under the given site folder, as {@link #resolve(String)}. Static, and
     * without regular expressions, because the site servlet calls it on every request.
     */
    public static Optional<Path> resolve(Path root, String sitePath) {
        int start = 0;
        while (start < sitePath.length() && sitePath.charAt(start) == '/') {
            start++;
        }
        for (int from = start; from <= sitePath.length(); ) {
            int end = sitePath.indexOf('/', from);
            if (end < 0) {
                end = sitePath.length();
            }
            if (isDots(sitePath, from, end)) {
                return Optional.empty();
            }
            from = end + 1;
        }
        if (sitePath.indexOf('\0') >= 0 || sitePath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        Path file = root.resolve(sitePath.substring(start)).normalize();
        return file.startsWith(root) ? Optional.of(file) : Optional.empty();
    }

    /** Whether the segment [from, end) of the path is "." or "..". */
    private static boolean isDots(String path, int from, int end) {
        int length = end - from;
        return (length == 1 || length == 2) && path.charAt(from) == '.' && path.charAt(end - 1) == '.';
    }

    /** Writes the bytes at the site path; returns false when the file already held exactly them. */
    public boolean write(String sitePath, byte[] bytes) {
        Path target = resolve(sitePath).orElseThrow(() -> new IllegalArgumentException("Not a site path: " + sitePath));
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(temp);
                throw new IOException("The site folder " + root + " does not support atomic moves", e);
            }
            written.add(root.relativize(target).toString().replace('\\', '/'));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Removes one file of the site, if it is there. */
    public void remove(String sitePath) {
        Path file = resolve(sitePath).orElseThrow(() -> new IllegalArgumentException("Not a site path: " + sitePath));
        try {
            if (Files.deleteIfExists(file)) {
                removed.add(root.relativize(file).toString().replace('\\', '/'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }

    /** Removes a folder of the site with everything in it. */
    public void removeTree(String sitePath) {
        Path folder = resolve(sitePath).orElseThrow(() -> new IllegalArgumentException("Not a site path: " + sitePath));
        if (folder.equals(root) || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
            removed.add(root.relativize(folder).toString().replace('\\', '/'));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + folder, e);
        }
    }

    /** The site paths written and the folders removed since the last call, each sorted. */
    public SitePublished takeChanges(Instant at) {
        List<String> writtenNow = drain(written);
        List<String> removedNow = drain(removed);
        return new SitePublished(at, writtenNow, removedNow);
    }

    private static List<String> drain(Set<String> paths) {
        List<String> taken = new ArrayList<>();
        for (String path : List.copyOf(paths)) {
            if (paths.remove(path)) {
                taken.add(path);
            }
        }
        Collections.sort(taken);
        return taken;
    }

    /** Names of the sub-folders of a site folder, e.g. the event slugs under {@code events}. */
    public Stream<String> folders(String sitePath) {
        Path folder = resolve(sitePath).orElseThrow();
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the plain files of a site folder, hidden and temporary ones left out. */
    public Stream<String> files(String sitePath) {
        Path folder = resolve(sitePath).orElseThrow();
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
