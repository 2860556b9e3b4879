package org.lectern.publishing.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips: a folder's files as they are, and a tree of files held in memory.
 * <p>
 * From a folder only plain files are taken, never links, and nothing whose name or folder starts
 * with a dot (the temp files {@code SiteDirectory} writes beside their place before moving them
 * over it). Each file is read once: files are replaced by atomic moves, so a read gives one whole
 * version, old or new, never a mix.
 */
final class SiteArchive {

    private SiteArchive() {
    }

    /** The site paths of the folder's files to archive, sorted, with '/' as separator. */
    static List<String> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
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
                    if (attrs.isRegularFile() && visible(path)) {
                        found.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed while we walked: an event unpublished
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the site folder " + root, e);
        }
        found.sort(null);
        return found;
    }

    static boolean visible(String sitePath) {
        for (String segment : sitePath.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the listed files of the folder as a zip, each with its modification time. A file
     * removed since it was listed is left out.
     */
    static void write(Path root, List<String> paths, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String path : paths) {
                Path file = root.resolve(path);
                byte[] bytes;
                FileTime modified;
                try {
                    modified = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .lastModifiedTime();
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(path);
                entry.setLastModifiedTime(modified);
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    /** Writes the files held in memory as a zip, every entry with the same time. */
    static void write(Map<String, byte[]> files, FileTime time, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }
}
