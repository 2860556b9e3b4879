package org.lectern.people.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void latinNamesLoseTheirAccentsAndPunctuation() {
        assertEquals("zoe-angstrom-wu", Slugs.of("  Zoë Ångström-Wu "));
        assertEquals("luo-mai", Slugs.of("Luo Mai"));
    }

    @Test
    void otherScriptsAreKept() {
        assertEquals("王小明", Slugs.of("王小明"));
        assertEquals("محمد-علي", Slugs.of("محمد علي"));
    }

    @Test
    void nothingUsableGivesAFallback() {
        assertEquals("person", Slugs.of("!!! ???"));
    }

    @Test
    void pathTricksCannotSurvive() {
        assertEquals("etc-passwd", Slugs.of("../../etc/passwd"));
    }

    @Test
    void longNamesAreCutAtAWordBoundaryOfDashes() {
        String slug = Slugs.of("a ".repeat(100));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertTrue(!slug.endsWith("-"));
    }
}
