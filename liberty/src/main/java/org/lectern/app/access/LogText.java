package org.lectern.app.access;

/**
 * Text a client chose (a user name, a path) made safe to write into a log line or the audit trail:
 * control characters and line separators are written as {@code \\uXXXX}, so no one can end a line
 * and forge the next one, and the text is cut to a length a log line can bear.
 */
final class LogText {

    private LogText() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && safe.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\\') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.length() < max || text.length() <= max ? safe.toString() : safe + "…";
    }
}
