package org.lectern.publishing.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteArchiveTest {

    @TempDir
    Path root;

    @Test
    void theZipHoldsThePlainFilesByteForByteAndNothingHidden() throws IOException {
        write("index.html", "<h1>Events</h1>");
        write("events/x/index.html", "home");
        write("events/x/calendar.ics", "BEGIN:VCALENDAR\r\n");
        write("events/x/.calendar.ics.1234.tmp", "half written");
        write(".well-known/secret", "hidden folder");
        write("assets/lectern.css", "body{}");
        Files.createDirectories(root.resolve("people/empty"));
        Files.createSymbolicLink(root.resolve("events/x/link.html"), root.resolve("index.html"));

        List<String> files = SiteArchive.files(root);
        assertEquals(List.of("assets/lectern.css", "events/x/calendar.ics", "events/x/index.html", "index.html"), files);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SiteArchive.write(root, files, out);
        Map<String, byte[]> unzipped = unzip(out.toByteArray());
        assertEquals(files, List.copyOf(unzipped.keySet()));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(root.resolve(file)), unzipped.get(file), file);
        }
    }

    @Test
    void aFileRemovedAfterListingIsLeftOut() throws IOException {
        write("index.html", "i");
        write("events/gone/index.html", "g");
        List<String> files = SiteArchive.files(root);
        Files.delete(root.resolve("events/gone/index.html"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SiteArchive.write(root, files, out);
        assertEquals(List.of("index.html"), List.copyOf(unzip(out.toByteArray()).keySet()));
    }

    @Test
    void aMissingFolderHasNoFiles() {
        assertEquals(List.of(), SiteArchive.files(root.resolve("nothing")));
        assertFalse(SiteArchive.visible("events/.x/a"));
        assertFalse(SiteArchive.visible("a//b"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
