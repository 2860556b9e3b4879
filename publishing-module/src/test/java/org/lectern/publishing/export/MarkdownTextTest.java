package org.lectern.publishing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void liquidHtmlAndMarkdownInTextAreEscaped() {
        assertEquals("&#123;&#123; site.x &#125;&#125; &#123;% include a.html %&#125;",
                MarkdownText.text("{{ site.x }} {% include a.html %}"));
        assertEquals("&lt;b onclick\\=\"x\"&gt;A &amp;amp; B&lt;/b&gt;", MarkdownText.text("<b onclick=\"x\">A &amp; B</b>"));
        assertEquals("\\[a\\]\\(javascript:x\\) \\*b\\* \\_c\\_ \\`d\\` e \\| f \\$\\$g\\$\\$ \\# \\\\ \\!",
                MarkdownText.text("[a](javascript:x) *b* _c_ `d` e | f $$g$$ # \\ !"));
        assertEquals("&#126;&#126;s&#126;&#126; &#94;", MarkdownText.text("~~s~~ ^"));
    }

    @Test
    void richTextKeepsHttpLinksAndStrongTextOnly() {
        assertEquals("See [the \\_lab\\_](https://example.org/a_%28b%29) and **bold &lt;b&gt;** now",
                MarkdownText.richText("See [the _lab_](https://example.org/a_(b)) and **bold <b>** now"));
        assertEquals("\\[x\\]\\(javascript:alert\\(1\\)\\) \\[y\\]\\(/relative\\)",
                MarkdownText.richText("[x](javascript:alert(1)) [y](/relative)"));
        assertEquals("[&#123;&#123; x &#125;&#125;](https://example.org/a) \\*\\* loose \\*\\*",
                MarkdownText.richText("[{{ x }}](https://example.org/a) ** loose **"));
        assertEquals("\\[x\\]\\(https://example.org/&#123;&#123;\\)", MarkdownText.richText("[x](https://example.org/{{)"));
        assertEquals("\\- [a](https://a.example/)", MarkdownText.richParagraph("- [a](https://a.example/)"));
    }

    @Test
    void lineBreaksOfEveryKindFoldIntoOneSpace() {
        assertEquals("a --- b c d e f g", MarkdownText.text("a\n---\nb\r\nc\u2028d\u2029e\u0085f\u000bg"));
        assertEquals("x y", MarkdownText.text("  \tx \n\n y\n"));
        assertEquals("", MarkdownText.text(null));
    }

    @Test
    void aParagraphCannotOpenABlock() {
        assertEquals("\\- item", MarkdownText.paragraph("- item"));
        assertEquals("\\+ item", MarkdownText.paragraph("+ item"));
        assertEquals("\\: definition", MarkdownText.paragraph(": definition"));
        assertEquals("12\\. numbered", MarkdownText.paragraph("12. numbered"));
        assertEquals("3\\) numbered", MarkdownText.paragraph("3) numbered"));
        assertEquals("\\# heading", MarkdownText.paragraph("# heading"));
        assertEquals("&gt; quote", MarkdownText.paragraph("> quote"));
        assertEquals("code", MarkdownText.paragraph("    code"));
        assertEquals("2024 was a year", MarkdownText.paragraph("2024 was a year"));
    }

    @Test
    void onlyHttpAddressesBecomeLinks() {
        assertEquals("[Register](https://example.org/r?a=1&b=2#top)", MarkdownText.link("Register", "https://example.org/r?a=1&b=2#top"));
        assertEquals("Click", MarkdownText.link("Click", "javascript:alert(1)"));
        assertEquals("Data", MarkdownText.link("Data", "data:text/html,<script>x</script>"));
        assertEquals("Relative", MarkdownText.link("Relative", "/events/x/"));
        assertEquals("No", MarkdownText.link("No", "https://exa mple.org/"));
        assertEquals("[\\[x\\]](https://example.org/%28a%29%27%2A)", MarkdownText.link("[x]", "https://example.org/(a)'*"));
        assertEquals("https://example.org/%7B%7Bx%7D%7D", MarkdownText.destination("https://example.org/{{x}}"));
        assertEquals("https://example.org/caf%C3%A9", MarkdownText.destination("https://example.org/caf\u00e9"));
    }

    @Test
    void frontMatterStringsStayOnOneQuotedLine() {
        assertEquals("\"a\\n---\\nlayout: x\"", FrontMatter.quoted("a\n---\nlayout: x"));
        assertEquals("\"\\\"q\\\" \\\\ # : - [x] {y} & * ! | > '\"", FrontMatter.quoted("\"q\" \\ # : - [x] {y} & * ! | > '"));
        assertEquals("\"\\x0D \\x85 \\u2028 \\u2029 \\uFEFF \\x00 \\t \\uFFFD\"",
                FrontMatter.quoted("\r \u0085 \u2028 \u2029 \ufeff \u0000 \t \ud800"));
        assertEquals("\"caf\u00e9 \ud83c\udf89\"", FrontMatter.quoted("caf\u00e9 \ud83c\udf89"));
        assertEquals("event", FrontMatter.scalar("event"));
        assertEquals("/events/x-1/schedule/", FrontMatter.scalar("/events/x-1/schedule/"));
        assertEquals("\"yes\"", FrontMatter.scalar("yes"));
        assertEquals("\"Schedule\"", FrontMatter.scalar("Schedule"));
        String rendered = new FrontMatter().put("layout", "page").put("nav", true).put("nav_order", 5).render();
        assertEquals("---\nlayout: page\nnav: true\nnav_order: 5\n---\n", rendered);
        assertTrue(rendered.lines().noneMatch(l -> l.contains("\n")));
        assertFalse(FrontMatter.quoted("x\ny").contains("\n"));
    }
}
