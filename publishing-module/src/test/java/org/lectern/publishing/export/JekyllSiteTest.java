package org.lectern.publishing.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lectern.events.api.EventView;
import org.lectern.people.api.PersonView;

class JekyllSiteTest {

    static final byte[] FEED = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] XML = "<?xml version=\"1.0\"?><schedule/>".getBytes(StandardCharsets.UTF_8);

    /** The published site as the exporter reads it: the workshop's feed and exports, no JSON yet. */
    static Optional<byte[]> published(String path) {
        return switch (path) {
            case "events/effgenai-2024/calendar.ics", "calendar.ics" -> Optional.of(FEED);
            case "events/effgenai-2024/schedule.xml" -> Optional.of(XML);
            case "people/woosuk-kwon/calendar.ics" -> Optional.of(FEED);
            default -> Optional.empty();
        };
    }

    static SortedMap<String, byte[]> tree(EventView... events) {
        return new JekyllSite(List.of(events), ExportEvents.people(), JekyllSiteTest::published,
                path -> "webcal://events.example.org/" + path).files();
    }

    static String text(SortedMap<String, byte[]> tree, String path) {
        assertTrue(tree.containsKey(path), path + " missing from " + tree.keySet());
        return new String(tree.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void theTreeHasConfigLayoutsIndexEachEventsPagesAndFilesAndEachPersonsPage() {
        SortedMap<String, byte[]> tree = tree(ExportEvents.workshop());
        List<String> talks = java.util.stream.Stream.of("welcome", "vllm", "panel")
                .map(item -> "events/effgenai-2024/talks/" + ExportEvents.id(item) + "/index.md").sorted().toList();
        List<String> expected = new java.util.ArrayList<>(List.of("_config.yml", "_layouts/default.html", "_layouts/event.html",
                "assets/css/lectern.css", "calendar.ics", "events/effgenai-2024/calendar.ics", "events/effgenai-2024/index.md",
                "events/effgenai-2024/schedule.md", "events/effgenai-2024/schedule.xml",
                "events/effgenai-2024/speakers.md"));
        expected.addAll(talks);
        expected.addAll(List.of("index.md", "people/mirella-lapata/index.md",
                "people/woosuk-kwon/calendar.ics", "people/woosuk-kwon/index.md"));
        assertEquals(expected, List.copyOf(tree.keySet()));
        assertArrayEquals(FEED, tree.get("events/effgenai-2024/calendar.ics"));
        assertArrayEquals(FEED, tree.get("people/woosuk-kwon/calendar.ics"));
        assertArrayEquals(XML, tree.get("events/effgenai-2024/schedule.xml"));
        String config = text(tree, "_config.yml");
        assertTrue(config.contains("plugins: []"), config);
        assertFalse(config.contains("theme:"), config);
        assertTrue(text(tree, "_layouts/event.html").startsWith("---\nlayout: default\n---\n"));
    }

    @Test
    void pagesCarryFrontMatterAsEventSitesKeepIt() {
        SortedMap<String, byte[]> tree = tree(ExportEvents.workshop());
        Map<String, String> home = frontMatter(text(tree, "events/effgenai-2024/index.md"));
        assertEquals("event", home.get("layout"));
        assertEquals("\"International Workshop on Efficient Generative AI\"", home.get("title"));
        assertEquals("/events/effgenai-2024/", home.get("permalink"));
        assertEquals("true", home.get("nav"));
        assertEquals("1", home.get("nav_order"));
        Map<String, String> schedule = frontMatter(text(tree, "events/effgenai-2024/schedule.md"));
        assertEquals("event", schedule.get("layout"));
        assertEquals("\"Schedule\"", schedule.get("title"));
        assertEquals("/events/effgenai-2024/schedule/", schedule.get("permalink"));
        assertEquals("true", schedule.get("nav"));
        assertEquals("2", schedule.get("nav_order"));
        assertEquals("effgenai-2024", schedule.get("event"));
        assertEquals("false", schedule.get("render_with_liquid"));
        assertEquals("/", frontMatter(text(tree, "index.md")).get("permalink"));
    }

    @Test
    void pagesShowTheFacts() {
        SortedMap<String, byte[]> tree = tree(ExportEvents.workshop());
        String home = text(tree, "events/effgenai-2024/index.md");
        assertTrue(home.contains("# International Workshop on Efficient Generative AI\n"), home);
        assertTrue(home.contains("26 June 2024 \u2013 27 June 2024 \u00b7 G.07, Informatics Forum, Edinburgh"), home);
        assertTrue(home.contains("- [Register](https://forms.example.org/r?a=1&b=2)"), home);
        assertTrue(home.contains("### Organization chairs\n\n- Mirella Lapata, University of Edinburgh \u2014 General chair"), home);
        assertTrue(home.contains("## About\n\nThe workshop brings together researchers.\n\n"
                + "It is funded by [GAIL](https://gail.ed.ac.uk/) and **EPCC**.\n\n### Topics we like\n\n"
                + "- Serving\n- Compilers\n\nAfter the list.\n\n"), home);
        assertTrue(home.contains("[Subscribe to the calendar](webcal://events.example.org/events/effgenai-2024/calendar.ics)"), home);

        String schedule = text(tree, "events/effgenai-2024/schedule.md");
        assertTrue(schedule.contains("## Wednesday 26 June 2024\n\nTimes are Europe/London \\(BST\\)."), schedule);
        assertTrue(schedule.contains("| Time | Program |\n| --- | --- |\n| 09:30\u201310:40 | **Session:** Opening \u00b7 Room 1 |\n"),
                schedule);
        assertTrue(schedule.contains("| 10:00\u201310:40 | **Serving LLMs with PagedAttention** \u2014 Woosuk Kwon, UC Berkeley |"),
                schedule);
        assertTrue(schedule.contains("| 09:30\u201310:00 | **Welcome &amp; Registration** (welcome) |"), schedule);
        assertFalse(schedule.contains("Former Place"), schedule);
        assertTrue(schedule.contains("## Thursday 27 June 2024"), schedule);

        String index = text(tree, "index.md");
        assertTrue(index.contains("- [International Workshop on Efficient Generative AI](events/effgenai-2024/)"), index);

        String speakers = text(tree, "events/effgenai-2024/speakers.md");
        assertEquals("/events/effgenai-2024/speakers/", frontMatter(speakers).get("permalink"));
        assertTrue(speakers.contains("\n## [Woosuk Kwon](../../../people/woosuk-kwon/)\n\nUC Berkeley\n\n"
                + "- Speaker: **Serving LLMs with PagedAttention** \u2014 Wed 26 Jun 2024, 10:00\n"), speakers);

        String person = text(tree, "people/woosuk-kwon/index.md");
        assertEquals("/people/woosuk-kwon/", frontMatter(person).get("permalink"));
        assertTrue(person.contains("\n# Woosuk Kwon\n\nUC Berkeley\n\n"), person);
        assertFalse(person.contains("Former Place"), person);
        assertTrue(person.contains("\n## [International Workshop on Efficient Generative AI](../../events/effgenai-2024/)\n\n"
                + "- Speaker: **Serving LLMs with PagedAttention** \u2014 Wed 26 Jun 2024, 10:00 \\(BST\\)\n"), person);
        assertTrue(person.contains("[Subscribe to Woosuk Kwon's calendar](webcal://events.example.org/people/woosuk-kwon/calendar.ics)"),
                person);
        // a committee member has a page too; no feed was published for her, so none is offered
        String mirella = text(tree, "people/mirella-lapata/index.md");
        assertTrue(mirella.contains("- Committee"), mirella);
        assertFalse(mirella.contains("Subscribe"), mirella);
    }

    @Test
    void eachItemHasATalkPageWithTheSiteTalkPageFacts() {
        SortedMap<String, byte[]> tree = tree(ExportEvents.workshop());
        String talk = text(tree, "events/effgenai-2024/talks/" + ExportEvents.id("vllm") + "/index.md");
        assertEquals("/events/effgenai-2024/talks/" + ExportEvents.id("vllm") + "/", frontMatter(talk).get("permalink"));
        assertTrue(talk.contains("\n# Serving LLMs with PagedAttention\n\nTalk \u00b7 Part of Opening\n\n"
                + "**Wednesday 26 June 2024, 10:00\u201310:40** Europe/London \\(BST\\) \u00b7 Room 1\n"), talk);
        assertTrue(talk.contains("\n## Speaker\n\n### [Woosuk Kwon](../../../../people/woosuk-kwon/)\n\nUC Berkeley\n"), talk);
        // the welcome before it is a neighbour, not a pause
        assertTrue(talk.contains("\nBefore: [Welcome &amp; Registration](../" + ExportEvents.id("welcome") + "/) \u00b7 Wed 09:30\n"),
                talk);
    }

    @Test
    void hostileTextStaysTextInFrontMatterAndMarkdown() {
        SortedMap<String, byte[]> tree = tree(ExportEvents.hostile());
        for (String path : List.of("index.md", "events/hostile/index.md", "events/hostile/schedule.md",
                "events/hostile/speakers.md", "people/mallory/index.md",
                "events/hostile/talks/" + ExportEvents.id("hostile talk") + "/index.md")) {
            String page = text(tree, path);
            Map<String, String> front = frontMatter(page);
            assertEquals("/" + (path.equals("index.md") ? "" : path.replace("index.md", "").replace(".md", "/")),
                    front.get("permalink"), path);
            assertFalse(front.containsKey("injected"), path);
            String body = body(page);
            for (String live : List.of("{{", "{%", "<script", "<img", "<div", "](javascript", "\ntitle:", "\n---",
                    "\u2028", "\u0085", "\r")) {
                assertFalse(body.contains(live), path + " has " + live + ":\n" + body);
            }
            assertFalse(body.replace("<br>", "").contains("<"), path + ":\n" + body);
            for (String line : body.split("\n")) {
                assertFalse(line.startsWith("# not") || line.startsWith("1.") || line.startsWith("<")
                        || line.startsWith(">") || line.startsWith("    ") || line.startsWith(":"), path + ": " + line);
            }
        }
        String home = text(tree, "events/hostile/index.md");
        assertTrue(home.contains("# " + MarkdownText.text(ExportEvents.HOSTILE) + "\n"), home);
        // a heading of the body stays a heading, one level below the section's, its text escaped
        assertTrue(home.contains("\n### not a heading\n\n- &#123;&#123; site.title &#125;&#125;"), home);
        assertTrue(home.contains("1\\. not a list"), home);
        assertTrue(home.contains("- [odd](https://example.org/wiki/A_%28b%29?q=%27x%27%2Ay)\n"), home);
        // the javascript: link is only its (escaped) label
        assertTrue(home.contains("- " + MarkdownText.text(ExportEvents.HOSTILE) + "\n"), home);

        String mallory = text(tree, "people/mallory/index.md");
        assertTrue(mallory.contains("\n### not a heading\n\n"), mallory);
        assertTrue(mallory.contains("[" + MarkdownText.text(ExportEvents.HOSTILE) + "](https://example.org/wiki/A_%28b%29?q=%27x%27%2Ay)"),
                mallory);
        assertFalse(body(mallory).contains("](data:"), mallory);
        // the javascript: homepage is only its label; the data: link too
        assertTrue(mallory.contains("\nLinks: Homepage \u00b7 ["), mallory);
        assertTrue(mallory.contains(") \u00b7 bad\n"), mallory);

        String schedule = text(tree, "events/hostile/schedule.md");
        // one table row: the cell's pipes are escaped, so it has its two columns only
        List<String> rows = schedule.lines().filter(l -> l.startsWith("| 09:30")).toList();
        assertEquals(1, rows.size(), schedule);
        assertEquals(3, rows.get(0).replace("\\|", "").chars().filter(c -> c == '|').count(), rows.get(0));
    }

    @Test
    void titlesThatWouldBreakFrontMatterStayOneQuotedLine() {
        for (String title : List.of("---", "a\n---\nlayout: evil", "Key: value", "\"quoted\" \\ back", "# comment",
                "- list", "[flow, seq]", "{flow: map}", "&anchor *alias !tag", "| block", "> folded", "@at `tick`",
                "line\u2028sep\u2029para\u0085nel\ufeffbom\u0000nul\u0007bell\ttab", "\ud83c\udf89 party \ud800 lone")) {
            String page = new JekyllSite(List.of(ExportEvents.event("t", title, null, List.of(), List.of(), List.of(),
                    List.of())), Map.of(), p -> Optional.empty(), p -> "webcal://h/" + p).home(
                    ExportEvents.event("t", title, null, List.of(), List.of(), List.of(), List.of()));
            Map<String, String> front = frontMatter(page);
            assertEquals(List.of("layout", "title", "permalink", "nav", "nav_order", "event", "event_title",
                    "render_with_liquid"), List.copyOf(front.keySet()), title);
            assertEquals(title.replace("\ud800", "\ufffd"), unquote(front.get("title")), title);
        }
    }

    @Test
    void peopleWhoseNamesAreNotAsciiHaveTheirPagesAndLinks() {
        PersonView soren = ExportEvents.person("søren-kierkegaard", "Søren Kierkegaard", "Københavns Universitet");
        PersonView escape = ExportEvents.person("../etc", "Escape", "Nowhere");
        ZonedDateTime nine = ZonedDateTime.of(2024, 6, 26, 9, 0, 0, 0, ExportEvents.LONDON);
        EventView event = ExportEvents.event("unicode", "Unicode", null, List.of(), List.of(), List.of(),
                List.of(ExportEvents.session("Talks", "Room 1",
                        ExportEvents.item("a", "talk", "Either/Or", nine, 30, List.of(soren.id(), escape.id())))));
        SortedMap<String, byte[]> tree = new JekyllSite(List.of(event), Map.of(soren.id(), soren, escape.id(), escape),
                p -> Optional.empty(), p -> "webcal://h/" + p).files();
        String page = text(tree, "people/søren-kierkegaard/index.md");
        assertEquals("/people/søren-kierkegaard/", unquote(frontMatter(page).get("permalink")));
        assertTrue(text(tree, "events/unicode/speakers.md").contains(
                "## [Søren Kierkegaard](../../../people/s%C3%B8ren-kierkegaard/)"), tree.keySet().toString());
        assertTrue(tree.keySet().stream().noneMatch(p -> p.contains("..")), tree.keySet().toString());
        assertTrue(text(tree, "events/unicode/speakers.md").contains("\n## Escape\n"));
    }

    @Test
    void anEventWhoseSlugIsNoPathIsLeftOut() {
        EventView bad = ExportEvents.event("../../etc", "Escape", null, List.of(), List.of(), List.of(), List.of());
        SortedMap<String, byte[]> tree = tree(bad, ExportEvents.workshop());
        assertTrue(tree.keySet().stream().noneMatch(p -> p.contains("..")), tree.keySet().toString());
        assertFalse(text(tree, "index.md").contains("Escape"));
        assertTrue(tree.containsKey("events/effgenai-2024/index.md"));
    }

    @Test
    void noEventsGiveABuildableEmptySite() {
        SortedMap<String, byte[]> tree = new JekyllSite(List.of(), Map.of(), p -> Optional.empty(), p -> p).files();
        assertEquals(List.of("_config.yml", "_layouts/default.html", "_layouts/event.html", "assets/css/lectern.css",
                "index.md"), List.copyOf(tree.keySet()));
        assertTrue(text(tree, "index.md").contains("No events are published yet."));
    }

    /** The front matter's keys and their YAML values as written; fails unless it is key: value lines between ---. */
    static Map<String, String> frontMatter(String page) {
        assertTrue(page.startsWith("---\n"), page);
        int end = page.indexOf("\n---\n", 3);
        assertTrue(end > 0, page);
        Map<String, String> entries = new LinkedHashMap<>();
        Pattern line = Pattern.compile("([a-z_]+): (true|false|[0-9]+|[a-z][a-z0-9-]*|(?:/[a-z0-9-]+)*/|\"(?:[^\"\\\\\\p{Cntrl}]|\\\\.)*\")");
        for (String entry : page.substring(4, end).split("\n", -1)) {
            Matcher m = line.matcher(entry);
            assertTrue(m.matches(), "not a key: value line: " + entry);
            assertFalse(entries.containsKey(m.group(1)), "key twice: " + entry);
            entries.put(m.group(1), m.group(2));
        }
        return entries;
    }

    static String body(String page) {
        return page.substring(page.indexOf("\n---\n", 3) + 5);
    }

    /** Reads back a double-quoted YAML scalar with the escapes FrontMatter writes. */
    static String unquote(String quoted) {
        StringBuilder out = new StringBuilder();
        List<Integer> codePoints = new ArrayList<>();
        quoted.substring(1, quoted.length() - 1).codePoints().forEach(codePoints::add);
        for (int i = 0; i < codePoints.size(); i++) {
            int c = codePoints.get(i);
            if (c != '\\') {
                out.appendCodePoint(c);
                continue;
            }
            int e = codePoints.get(++i);
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (digits > 0) {
                StringBuilder hex = new StringBuilder();
                for (int k = 0; k < digits; k++) {
                    hex.appendCodePoint(codePoints.get(++i));
                }
                out.appendCodePoint(Integer.parseInt(hex.toString(), 16));
            } else {
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> (char) e;
                });
            }
        }
        return out.toString();
    }
}
