package org.lectern.publishing.site;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Organizers' markdown (about sections, topics, announcements, bios) as HTML for the pages. Raw
 * HTML in the text is escaped, not passed through, and link and image URLs with other schemes than
 * http, https and mailto (javascript:, data:) are dropped, so the result is safe to place unescaped.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private Markdown() {
    }

    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
