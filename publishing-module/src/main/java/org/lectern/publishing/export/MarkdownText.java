package org.lectern.publishing.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User text made inert for a Jekyll page: kramdown (GFM input) and Liquid. Every value from the
 * data passes through here before it reaches a page; nothing else is needed to make it safe.
 * <ul>
 * <li>HTML: {@code & < >} become entities, so markup shows as text and never becomes live;</li>
 * <li>Liquid: {@code { }} become entities, so no {@code {{ }} or {@code {% %}} survives (the pages
 * also say {@code render_with_liquid: false});</li>
 * <li>markdown: its inline punctuation is backslash-escaped, line breaks are folded into spaces
 * and a block's first character is escaped, so text cannot open a heading, list, table, link,
 * emphasis, code, math or HTML block.</li>
 * </ul>
 * kramdown turns the entities back into characters in the HTML it writes, except {@code & < >},
 * which stay escaped: the built page shows exactly the text.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    /** Text for inside a line (a heading, a list item, a table cell): one line, escaped. */
    static String text(String value) {
        return value == null ? "" : escape(oneLine(value));
    }

    /** Links to http(s) addresses and strong emphasis: the markdown writers use most, kept in {@link #richText}. */
    private static final Pattern KEPT = Pattern.compile(
            "\\[([^\\[\\]]{1,500})\\]\\(((?:[^\\s()]|\\([^\\s()]*\\)){1,2000})\\)|\\*\\*([^*\\s](?:[^*]{0,498}[^*\\s])?)\\*\\*");

    /**
     * MarkdownText text from the data (a section, an announcement) as one line: its links to http(s)
     * addresses and its {@code **strong**} are kept, rebuilt from escaped parts; everything else is
     * escaped as in {@link #text}, a link to any other address included.
     */
    static String richText(String value) {
        if (value == null) {
            return "";
        }
        String line = oneLine(value);
        StringBuilder out = new StringBuilder(line.length() + 16);
        Matcher kept = KEPT.matcher(line);
        int at = 0;
        while (kept.find()) {
            out.append(escape(line.substring(at, kept.start())));
            if (kept.group(3) != null) {
                out.append("**").append(escape(kept.group(3))).append("**");
            } else {
                String label = escape(kept.group(1));
                Optional<String> url = httpUrl(kept.group(2));
                out.append(url.isPresent() ? "[" + label + "](" + url.get() + ")" : escape(kept.group()));
            }
            at = kept.end();
        }
        return out.append(escape(line.substring(at))).toString();
    }

    /** Escapes each character that means something to HTML, Liquid or inline markdown. */
    private static String escape(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        line.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                case '~' -> out.append("&#126;");
                case '^' -> out.append("&#94;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '|', '$', '#', '!', '=' -> out.append('\\').append((char) c);
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Text that starts a line (a paragraph): as {@link #text}, and a first character that could
     * open a block (list, quote, definition, numbered list) is escaped too.
     */
    static String paragraph(String value) {
        return startOfLine(text(value));
    }

    /** As {@link #richText}, for the start of a line. */
    static String richParagraph(String value) {
        return startOfLine(richText(value));
    }

    private static String startOfLine(String escaped) {
        if (escaped.isEmpty()) {
            return escaped;
        }
        char first = escaped.charAt(0);
        if (first == '-' || first == '+' || first == ':' || first == '"' || first == '\'') {
            return "\\" + escaped;
        }
        // "1. " or "1) " opens a numbered list
        int digits = 0;
        while (digits < escaped.length() && Character.isDigit(escaped.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < escaped.length() && (escaped.charAt(digits) == '.' || escaped.charAt(digits) == ')')) {
            return escaped.substring(0, digits) + "\\" + escaped.substring(digits);
        }
        return escaped;
    }

    /**
     * A link to an http(s) address; anything else (javascript:, data:, relative, unparsable) is
     * shown as its label only. The address is percent-encoded down to characters that mean nothing
     * to markdown or Liquid.
     */
    static String link(String label, String url) {
        String shown = text(label == null || label.isBlank() ? url : label);
        return httpUrl(url).map(u -> "[" + shown + "](" + u + ")").orElse(shown);
    }

    /** The address, encoded for a markdown link destination, if it is an absolute http(s) URL. */
    static Optional<String> httpUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(destination(url.strip()));
    }

    /** Percent-encodes everything but letters, digits and {@code - . _ : / ? # @ & = + , ; % !}. */
    static String destination(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._:/?#@&=+,;%!".indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** Line breaks (any of them: CR, LF, NEL, LS, PS), tabs and other controls become single spaces. */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || c == '\u00a0' || c == '\ufeff';
            if (blank) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
