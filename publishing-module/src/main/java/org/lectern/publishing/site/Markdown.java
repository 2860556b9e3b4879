package org.lectern.publishing.site;

import java.util.List;
import java.util.Locale;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Organizers' markdown (about sections, topics, announcements, bios) as HTML for the pages. Raw
 * HTML in the text is escaped, not passed through, and a link or image whose URL has another
 * scheme than http, https and mailto (javascript:, data:, vbscript:, file:, ...) is dropped, its
 * text kept, so the result is safe to place unescaped.
 */
final class Markdown {

    /** The schemes a link or image may have; a URL without one (relative, or {@code #anchor}) is kept. */
    private static final List<String> SCHEMES = List.of("http", "https", "mailto");

    private static final Parser PARSER = Parser.builder().postProcessor(Markdown::dropUnsafeLinks).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            // the second wall: commonmark's own check, without the data: it allows by default
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(SCHEMES))
            .build();

    private Markdown() {
    }

    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** Replaces each link and image with an unsafe URL by what it shows: a link's text, an image's description. */
    private static Node dropUnsafeLinks(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                visitChildren(link);
                if (!safe(link.getDestination())) {
                    unwrap(link);
                }
            }

            @Override
            public void visit(Image image) {
                visitChildren(image);
                if (!safe(image.getDestination())) {
                    unwrap(image);
                }
            }
        });
        return document;
    }

    private static void unwrap(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    /** Whether the URL has no scheme or one of {@link #SCHEMES}; control characters and spaces before it do not hide one. */
    static boolean safe(String url) {
        if (url == null) {
            return true;
        }
        String trimmed = url.replaceAll("[\\x00-\\x20\\x7f-\\x9f]", "");
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String before = trimmed.substring(0, colon);
        if (before.contains("/") || before.contains("?") || before.contains("#")) {
            return true; // a relative path with a colon later in it
        }
        return SCHEMES.contains(before.toLowerCase(Locale.ROOT));
    }
}
