package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Organizers' markdown on the pages: links and images only to http(s), mailto and relative addresses. */
class MarkdownTest {

    /** An href or src whose URL has a scheme other than http, https and mailto. */
    static final Pattern OTHER_SCHEME = Pattern.compile("(?i)(href|src)=\"(?!https?:|mailto:)[a-z][a-z0-9+.-]*:");

    @Test
    void linksAndImagesWithOtherSchemesAreDroppedKeepingTheirText() {
        for (String url : List.of("data:text/html,<script>alert(1)</script>", "data:image/svg+xml;base64,PHN2Zz4=",
                "DATA:text/html,x", "vbscript:msgbox(1)", "file:///etc/passwd", "javascript:alert(1)",
                "JaVaScRiPt:alert(1)", "%20javascript:alert(1)", "ftp://example.org/x", "jar:file:/x!/y")) {
            for (String markdown : List.of("[click here](" + url.replace(" ", "%20") + ")", "![a picture](" + url + ")",
                    "<" + url + ">", "[click here][ref]\n\n[ref]: " + url)) {
                String html = Markdown.html(markdown);
                assertFalse(OTHER_SCHEME.matcher(html).find(), markdown + " -> " + html);
                assertFalse(html.contains("<a href=\"\"") || html.contains("src=\"\""), markdown + " -> " + html);
            }
        }
        assertEquals("<p>see click here now</p>\n", Markdown.html("see [click here](data:text/html,x) now"));
        assertEquals("<p>a picture</p>\n", Markdown.html("![a picture](data:image/png;base64,AAAA)"));
    }

    @Test
    void webMailAndRelativeLinksStay() {
        assertTrue(Markdown.html("[site](https://example.org/a?b=c)").contains("href=\"https://example.org/a?b=c\">site</a>"));
        assertTrue(Markdown.html("[mail](mailto:chair@example.org)").contains("href=\"mailto:chair@example.org\""));
        assertTrue(Markdown.html("[program](../schedule/)").contains("href=\"../schedule/\""));
        assertTrue(Markdown.html("[time](notes/10:30)").contains("href=\"notes/10:30\""));
        assertTrue(Markdown.html("![logo](https://example.org/logo.png)").contains("src=\"https://example.org/logo.png\""));
    }
}
