package org.lectern.publishing.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A page's YAML front matter. Strings are always written double-quoted on one line, with every
 * character YAML could read as a break or an indicator escaped, so no value (a title holding
 * {@code ---}, a newline, a colon, a quote, {@code #}) can end the front matter or add a key.
 */
final class FrontMatter {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Keys are ours (fixed words), values are strings, numbers or booleans. */
    FrontMatter put(String key, Object value) {
        if (!key.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a front matter key: " + key);
        }
        entries.put(key, value);
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder("---\n");
        entries.forEach((key, value) -> out.append(key).append(": ").append(scalar(value)).append('\n'));
        return out.append("---\n").toString();
    }

    static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        String text = String.valueOf(value);
        return PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text) ? text : quoted(text);
    }

    /** Words and paths that read the same plain as quoted (layout names, slugs, permalinks), as people write them. */
    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9-]*|(/[a-z0-9-]+)*/");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    /** A YAML double-quoted scalar; only printable characters other than {@code " \} stay as they are. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0xd800 && c <= 0xdfff) {
                        out.append("\\uFFFD"); // half a surrogate pair: not a character
                    } else if (printable(c)) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xff) {
                        out.append(String.format("\\x%02X", c));
                    } else if (c <= 0xffff) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.append(String.format("\\U%08X", c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** YAML's printable set, less NEL, LS, PS and BOM, which YAML 1.1 readers treat as breaks or marks. */
    private static boolean printable(int c) {
        return (c >= 0x20 && c <= 0x7e)
                || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
                || (c >= 0x10000 && c <= 0x10ffff);
    }
}
