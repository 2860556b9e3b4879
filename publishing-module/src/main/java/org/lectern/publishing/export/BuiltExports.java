package org.lectern.publishing.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each export zip built once per version of the published site and kept, with a strong ETag
 * made from its bytes: downloading an export costs a walk of the site folder's file attributes,
 * not a zip of every file, so clients looping on it cannot starve the site. A publish changes
 * the folder, and the next download builds the zip anew.
 */
@ApplicationScoped
public class BuiltExports {

    /** A zip, the site version it was built from, and its ETag (quoted, strong). */
    record Built(String siteVersion, byte[] zip, String etag) {
    }

    private final Map<String, Built> built = new ConcurrentHashMap<>();
    private final Map<String, Object> building = new ConcurrentHashMap<>();

    /**
     * The named export for this site version: the kept one, or built now (once, however many
     * clients ask at the same time; the others wait for it).
     */
    Built get(String name, String siteVersion, Supplier<byte[]> build) {
        Built kept = built.get(name);
        if (kept != null && kept.siteVersion().equals(siteVersion)) {
            return kept;
        }
        synchronized (building.computeIfAbsent(name, n -> new Object())) {
            kept = built.get(name);
            if (kept != null && kept.siteVersion().equals(siteVersion)) {
                return kept;
            }
            byte[] zip = build.get();
            Built fresh = new Built(siteVersion, zip, "\"" + sha256(zip).substring(0, 32) + "\"");
            built.put(name, fresh);
            return fresh;
        }
    }

    /**
     * The version of the site in the folder: a hash of every visible file's path, size and
     * modification time. Unchanged bytes are never rewritten, so the same files give the same version.
     */
    static String siteVersion(Path root) {
        TreeMap<String, String> files = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.equals(root) || !dir.getFileName().toString().startsWith(".")
                                ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String path = root.relativize(file).toString().replace('\\', '/');
                        if (attrs.isRegularFile() && SiteArchive.visible(path)) {
                            files.put(path, attrs.size() + "@" + attrs.lastModifiedTime().toMillis());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the site folder " + root, e);
            }
        }
        StringBuilder listing = new StringBuilder(files.size() * 64);
        files.forEach((path, stamp) -> listing.append(path).append('\n').append(stamp).append('\n'));
        return sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
