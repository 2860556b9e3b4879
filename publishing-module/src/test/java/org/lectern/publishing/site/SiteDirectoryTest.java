package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SiteDirectoryTest {

    private final Path root = Path.of("/srv/lectern/site");

    @Test
    void sitePathsResolveInsideTheFolder() {
        assertEquals(Optional.of(root.resolve("events/x/calendar.ics")), SiteDirectory.resolve(root, "/events/x/calendar.ics"));
        assertEquals(Optional.of(root.resolve("events/x")), SiteDirectory.resolve(root, "//events/x/"));
        assertEquals(Optional.of(root), SiteDirectory.resolve(root, "/"));
        assertEquals(Optional.of(root.resolve("events/x/.hidden")), SiteDirectory.resolve(root, "/events/x/.hidden"));
        assertEquals(Optional.of(root.resolve("a/...")), SiteDirectory.resolve(root, "/a/..."));
    }

    @Test
    void escapesResolveToNothing() {
        for (String hostile : new String[] {"/..", "/../etc/passwd", "/events/../../etc/passwd", "/events/./x",
                "/events/x/..", "..", "/a\\..\\..\\etc", "/a\0b"}) {
            assertTrue(SiteDirectory.resolve(root, hostile).isEmpty(), hostile);
        }
    }
}
