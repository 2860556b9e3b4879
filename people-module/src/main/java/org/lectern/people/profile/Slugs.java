package org.lectern.people.profile;

import java.text.Normalizer;
import java.util.Locale;

/** URL path segments made from names, readable in any script. */
final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /**
     * "Zoë Ångström-Wu" becomes "zoe-angstrom-wu"; letters without a Latin base (CJK, Arabic)
     * are kept as they are, so every name yields a slug that still reads like it. At most
     * {@value #MAX_LENGTH} UTF-16 units (so at most 240 bytes of UTF-8, within a file name's 255),
     * cut on a code-point boundary after the NFC normalisation, so the cut is the last change.
     */
    static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        slug = Normalizer.normalize(slug, Normalizer.Form.NFC);
        if (slug.length() > MAX_LENGTH) {
            // cut between code points, never inside a surrogate pair: half a pair is not a file name
            int end = Character.isLowSurrogate(slug.charAt(MAX_LENGTH)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            slug = slug.substring(0, end).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "person" : slug;
    }
}
