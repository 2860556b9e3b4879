package org.lectern.publishing.frab;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Organizers' text made fit for both files. XML 1.0 cannot carry most C0 control characters
 * (NUL, ESC, ...), U+FFFE/U+FFFF or unpaired surrogates at all, not even escaped, so they are
 * dropped (in JSON too, so both files say the same). Escaping itself is left to the writers.
 */
final class FrabText {

    // compiled once: String.replaceAll compiles its pattern on every call, for every item of a program
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern OUTER_UNDERSCORES = Pattern.compile("^_+|_+$");
    private static final Pattern TRAILING_UNDERSCORES = Pattern.compile("_+$");

    private FrabText() {
    }

    /** Multi-line text (an abstract): forbidden characters dropped, line breaks as LF; null stays null. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(FrabText::allowedInXml).forEach(kept::appendCodePoint);
        // an XML parser turns CR LF and CR into LF anyway; doing it here keeps the JSON identical
        return kept.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /**
     * One-line text (titles, names, rooms), also used in XML attributes, where a parser would turn
     * line breaks and tabs into spaces: every run of white space becomes one space.
     */
    static String line(String value) {
        String text = text(value);
        return text == null ? "" : WHITE_SPACE.matcher(text).replaceAll(" ");
    }

    /** {@code Char} of XML 1.0: tab, LF, CR and everything from space on, minus surrogates and U+FFFE/U+FFFF. */
    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** "Opening Café & Q&A!" → "opening_cafe_q_a", the way frab slugs titles; may be empty. */
    static String slug(String title) {
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String joined = NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_");
        String slug = OUTER_UNDERSCORES.matcher(joined).replaceAll("");
        if (slug.length() > 50) {
            slug = TRAILING_UNDERSCORES.matcher(slug.substring(0, 50)).replaceAll("");
        }
        return slug;
    }
}
