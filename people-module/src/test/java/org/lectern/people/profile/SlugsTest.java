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

    @Test
    void longNamesOfAstralCharactersAreCutBetweenCodePoints() {
        String astral = new String(Character.toChars(0x20000));
        String slug = Slugs.of("a" + astral.repeat(50));
        assertEquals("a" + astral.repeat(39), slug, "79 units: the 80th would be half a pair");
        assertWellFormed(slug);
        assertWellFormed(Slugs.of(astral.repeat(60)));
        assertWellFormed(Slugs.of("b" + "\u00e9".repeat(100)));
    }

    @Test
    void loneSurrogatesInANameAreNotPartOfItsSlug() {
        String slug = Slugs.of("Ada \ud800 Lovelace\udc00");
        assertEquals("ada-lovelace", slug);
    }

    private static void assertWellFormed(String slug) {
        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertTrue(slug.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255, slug);
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < slug.length() && Character.isLowSurrogate(slug.charAt(++i)), "lone high surrogate in " + slug);
            } else {
                assertTrue(!Character.isLowSurrogate(c), "lone low surrogate in " + slug);
            }
        }
    }
}
