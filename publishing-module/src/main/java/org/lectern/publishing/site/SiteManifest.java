package org.lectern.publishing.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The record of every published file: its path, size, SHA-256, the ETag it is served with and
 * when its bytes last changed. Unchanged bytes are never rewritten, so a file's modification time
 * is its last change; hashes are kept per (size, modification time) and computed again only for
 * files that changed. The serving endpoint uses the same tags ({@link #etag}).
 */
@ApplicationScoped
public class SiteManifest {

    public record Entry(String path, long size, String sha256, String etag, Instant lastChanged) {
    }

    private record Known(long size, FileTime modified, String sha256) {
    }

    private final Map<Path, Known> hashes = new ConcurrentHashMap<>();

    @Inject
    SiteDirectory site;

    /** Every file of the site (hidden and temporary files aside), by path. */
    public List<Entry> entries() {
        Path root = site.root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> root.relativize(f).toString().chars().noneMatch(c -> c == '\\'))
                    .filter(f -> Stream.iterate(root.relativize(f), p -> p != null, Path::getParent)
                            .noneMatch(p -> p.getFileName().toString().startsWith(".")))
                    .map(f -> entry(root, f))
                    .sorted(java.util.Comparator.comparing(Entry::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the site folder " + root, e);
        }
    }

    private Entry entry(Path root, Path file) {
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            Known known = hashes.get(file);
            if (known == null || known.size() != size || !known.modified().equals(modified)) {
                known = new Known(size, modified, HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
                hashes.put(file, known);
            }
            return new Entry(root.relativize(file).toString().replace('\\', '/'), size, known.sha256(),
                    etag(known.sha256()), modified.toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The strong ETag for bytes with this SHA-256 (hex): its first 128 bits, quoted. */
    public static String etag(String sha256Hex) {
        return "\"" + sha256Hex.substring(0, 32) + "\"";
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
