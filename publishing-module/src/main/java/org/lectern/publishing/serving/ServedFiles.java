package org.lectern.publishing.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.lectern.publishing.site.SiteManifest;

/**
 * The site's files as the servlet sends them: bytes, strong ETag and gzipped bytes, kept in memory
 * so that a request costs one {@code stat} instead of reading and hashing the file. A kept version
 * is used while the file's identity (inode), size and modification time are those it was read
 * with; the publisher replaces files by an atomic move, so a new version is a new inode and is
 * read again at its first request. Kept bytes are bounded ({@link #budgetBytes}); past that,
 * files are read from disk on every request, as if nothing were kept.
 */
final class ServedFiles {

    /** RFC 9110's IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    /** One version of one file: everything a response needs, computed once. */
    static final class Version {
        final Object identity;
        final long size;
        final long modifiedMillis;
        final byte[] bytes;
        final String etag;
        /** The tag of the gzipped bytes: another representation, so another tag. */
        final String gzipEtag;
        /** The Last-Modified header's value, formatted once rather than on every request. */
        final String lastModified;
        private volatile byte[] gzipped;

        Version(Object identity, long size, long modifiedMillis, byte[] bytes) {
            this.identity = identity;
            this.size = size;
            this.modifiedMillis = modifiedMillis;
            this.bytes = bytes;
            this.etag = SiteManifest.etag(SiteManifest.sha256Hex(bytes));
            this.gzipEtag = etag.substring(0, etag.length() - 1) + "-gzip\"";
            this.lastModified = HTTP_DATE.format(Instant.ofEpochMilli(modifiedMillis).atZone(ZoneOffset.UTC));
        }

        /** Compressed at the first request that accepts gzip, then kept with the version. */
        byte[] gzipped() throws IOException {
            byte[] known = gzipped;
            if (known == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
                try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                    zip.write(bytes);
                }
                known = out.toByteArray();
                gzipped = known;
            }
            return known;
        }

        boolean describes(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMillis == attributes.lastModifiedTime().toMillis()
                    && Objects.equals(identity, attributes.fileKey());
        }
    }

    private final Map<Path, Version> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();
    private final long budgetBytes;

    ServedFiles(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The current version of a regular file, or nothing when there is no such file. */
    Optional<Version> current(Path file, BasicFileAttributes attributes) throws IOException {
        Version known = kept.get(file);
        if (known != null && known.describes(attributes)) {
            return Optional.of(known);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            forget(file);
            return Optional.empty();
        }
        // keep it only if the file stayed the same version while it was read (stat before and after)
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        Version version = new Version(after.fileKey(), bytes.length, after.lastModifiedTime().toMillis(), bytes);
        if (!version.describes(attributes)) {
            forget(file);
            return Optional.of(version);
        }
        if (keptBytes.get() + bytes.length <= budgetBytes) {
            Version replaced = kept.put(file, version);
            keptBytes.addAndGet(bytes.length - (replaced == null ? 0 : replaced.size));
        } else {
            forget(file);
        }
        return Optional.of(version);
    }

    void forget(Path file) {
        Version previous = kept.remove(file);
        if (previous != null) {
            keptBytes.addAndGet(-previous.size);
        }
    }
}
