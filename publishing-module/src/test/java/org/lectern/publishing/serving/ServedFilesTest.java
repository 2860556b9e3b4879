package org.lectern.publishing.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ServedFilesTest {

    @Test
    void aVersionCarriesItsHeadersReadyMade() {
        // 2026-11-01T08:05:09.250Z: a one-digit day and hour, and milliseconds the header drops
        ServedFiles.Version version = new ServedFiles.Version("inode", 5, 1_793_520_309_250L,
                "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals("Sun, 01 Nov 2026 08:05:09 GMT", version.lastModified);
        assertTrue(version.etag.startsWith("\"") && version.etag.endsWith("\""), version.etag);
        assertEquals(version.etag.substring(0, version.etag.length() - 1) + "-gzip\"", version.gzipEtag);
    }
}
