package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SiteDirectory.write on a real folder: a reader (or a crash) sees a file's old bytes or its new
 * ones, never a mix or a cut; equal bytes are not rewritten; nothing of the writing is left behind.
 */
class SiteDirectoryWriteTest {

    @TempDir
    Path folder;

    private SiteDirectory site() {
        SiteDirectory site = new SiteDirectory();
        site.configuredRoot = folder.toString();
        site.open();
        return site;
    }

    @Test
    void writesTheBytesAndLeavesNoTemporaryFile() throws Exception {
        SiteDirectory site = site();
        assertTrue(site.write("events/x/schedule/index.html", bytes('a', 1000)));
        assertArrayEquals(bytes('a', 1000), Files.readAllBytes(folder.resolve("events/x/schedule/index.html")));
        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(List.of(folder.resolve("events/x/schedule/index.html")), files.filter(Files::isRegularFile).toList());
        }
        assertEquals(List.of("events/x/schedule/index.html"), site.takeChanges(Instant.EPOCH).written());
    }

    @Test
    void equalBytesAreNotRewritten() throws Exception {
        SiteDirectory site = site();
        Path file = folder.resolve("calendar.ics");
        site.write("calendar.ics", bytes('b', 100));
        site.takeChanges(Instant.EPOCH);
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, longAgo);
        Object identity = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        assertFalse(site.write("calendar.ics", bytes('b', 100)), "the same bytes: nothing written");
        assertEquals(longAgo, Files.getLastModifiedTime(file), "Last-Modified says when it last really changed");
        assertEquals(identity, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "the very same file");
        assertEquals(List.of(), site.takeChanges(Instant.EPOCH).written());

        assertTrue(site.write("calendar.ics", bytes('c', 100)), "other bytes of the same length are written");
        assertArrayEquals(bytes('c', 100), Files.readAllBytes(file));
    }

    /**
     * While one thread replaces a large file again and again with bytes of another size, another
     * reads it: every read is exactly one of the two versions. Written in place, a read would see
     * a truncated or a half-written file (as a crash in the middle would leave it).
     */
    @Test
    void aReaderSeesTheOldBytesOrTheNewOnesNeverAHalfFile() throws Exception {
        SiteDirectory site = site();
        byte[] old = bytes('o', 4 << 20);
        byte[] replacement = bytes('n', 3 << 20);
        site.write("events/x/schedule.xml", old);
        Path file = folder.resolve("events/x/schedule.xml");

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> seen = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            int reads = 0;
            while (writing.get() && seen.get() == null) {
                try {
                    byte[] read = Files.readAllBytes(file);
                    reads++;
                    if (!Arrays.equals(read, old) && !Arrays.equals(read, replacement)) {
                        seen.set("a read of " + read.length + " bytes, neither version (after " + reads + " reads)");
                    }
                } catch (Exception e) {
                    seen.set(e.toString());
                }
            }
        });
        reader.start();
        for (int round = 0; round < 60 && seen.get() == null; round++) {
            site.write("events/x/schedule.xml", round % 2 == 0 ? replacement : old);
        }
        writing.set(false);
        reader.join();
        assertEquals(null, seen.get());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    private static byte[] bytes(char fill, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
