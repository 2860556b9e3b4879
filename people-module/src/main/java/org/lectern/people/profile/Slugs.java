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
     * are kept as they are, so every name yields a slug that still reads like it.
     */
    static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "person" : Normalizer.normalize(slug, Normalizer.Form.NFC);
    }
}
