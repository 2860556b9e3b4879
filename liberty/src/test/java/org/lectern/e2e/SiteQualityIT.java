package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The site's quality, on every page type the running server publishes: valid HTML5 (the Nu HTML
 * Checker), no WCAG 2 A/AA violations (axe-core in Debian's headless Chromium), nothing loaded
 * from another host, no sideways scrolling at phone width, a print style without the site's
 * chrome; screenshots of each page type at desktop and phone width land in
 * {@code target/screenshots/}. The content is realistic and hostile: markup and ampersands in
 * titles and names, a script that must never run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteQualityIT {

    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    static final int DESKTOP = 1280;
    static final int PHONE = 375;
    static final int A4 = 794; // CSS pixels across an A4 page

    /** The published content a page type is shown with. */
    record Content(String eventSlug, String personSlug, String keynotePage) {
    }

    /**
     * Every page type of the site, in one place: add a type here when it lands. A type that is not
     * {@code required} yet (a page type on its way in) is checked when the server serves it, and
     * becomes required as soon as a checked page links to it.
     */
    enum PageType {
        INDEX(true, c -> ""),
        EVENT(true, c -> "events/" + c.eventSlug() + "/"),
        SCHEDULE(true, c -> "events/" + c.eventSlug() + "/schedule/"),
        SPEAKERS(true, c -> "events/" + c.eventSlug() + "/speakers/"),
        PERSON(true, c -> "people/" + c.personSlug() + "/"),
        TALK(true, Content::keynotePage);

        final boolean required;
        final Function<Content, String> path;

        PageType(boolean required, Function<Content, String> path) {
            this.required = required;
            this.path = path;
        }

        String fileName() {
            return name().toLowerCase();
        }
    }

    // hostile text: markup that must come out escaped, and a script that must never run
    static final String SCRIPT = "<script>window.injected = true</script>";
    static final String ATTRIBUTE_BREAK = "\"><img src=x onerror=\"window.injected = true\">";

    final Lectern lectern = new Lectern();
    final Map<PageType, String> pages = new LinkedHashMap<>();
    final List<String> missing = new ArrayList<>();
    Content content;
    Chromium chromium;

    @BeforeAll
    void publishRealisticContent() throws Exception {
        Content content = publish();
        Map<PageType, String> notServed = new LinkedHashMap<>();
        for (PageType type : PageType.values()) {
            String path = type.path.apply(content);
            if (type.required) {
                // each file is replaced on its own: a page may land a moment after the one awaited
                pages.put(type, lectern.awaitPublished(path, page -> true, PUBLISH_TIMEOUT).body());
            } else if (lectern.status(path) == 200) {
                pages.put(type, lectern.get(path));
            } else {
                notServed.put(type, path);
            }
        }
        // a page type the site links to must be there (it may be in the next render batch)
        Set<String> linked = links(pages.values());
        notServed.forEach((type, path) -> {
            if (linked.contains("/" + path)) {
                try {
                    pages.put(type, lectern.awaitPublished(path, page -> true, PUBLISH_TIMEOUT).body());
                } catch (AssertionError | InterruptedException e) {
                    missing.add(type + " /" + path + " is linked from the site but not served");
                }
            } else {
                System.out.println("SiteQualityIT: " + type + " (/" + path + ") is not published yet; not checked");
            }
        });
        chromium = new Chromium();
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(0)
    void theChecksFindFaultsInABadPage() {
        // a page with every fault the checks look for, so none of them passes by not looking
        String bad = """
                <!DOCTYPE html><html><head><title>bad</title>
                <link rel="stylesheet" href="https://fonts.example.invalid/font.css"></head>
                <body><div><img src="http://cdn.example.invalid/a.png">
                <p style="color:#bbb">faint</p><pre style="width:1200px">wide</pre></body></html>""";
        assertTrue(HtmlChecker.validate(bad).errors().size() >= 2, "the Nu checker missed the unclosed div and the missing alt");
        assertEquals(2, HtmlChecker.externalResources(bad).size(), HtmlChecker.externalResources(bad).toString());
        chromium.requests();
        chromium.open("data:text/html;charset=utf-8," + bad.replace("#", "%23"), PHONE, 800);
        Set<String> rules = new LinkedHashSet<>();
        chromium.axe(Chromium.WCAG_A_AA).forEach(v -> rules.add(v.rule()));
        assertTrue(rules.containsAll(List.of("image-alt", "html-has-lang", "color-contrast")), rules.toString());
        assertTrue(chromium.requests().stream().anyMatch(r -> r.startsWith("http://cdn.example.invalid/")));
        assertTrue(((Number) chromium.script(OVERFLOW)).intValue() > 0, "the overflow check missed a 1200 px element");
    }

    @Test
    @Order(1)
    void everyPageTypeTheSiteLinksToIsServed() {
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        assertTrue(pages.keySet().containsAll(List.of(PageType.INDEX, PageType.EVENT, PageType.SCHEDULE)), pages.keySet().toString());
    }

    @Test
    @Order(2)
    void everyPageIsValidHtml5() {
        List<String> problems = new ArrayList<>();
        pages.forEach((type, html) -> {
            HtmlChecker.Report report = HtmlChecker.validate(html);
            report.warnings().forEach(w -> System.out.println("SiteQualityIT: Nu warning on " + type + ": " + w));
            report.errors().forEach(e -> problems.add(type + ": " + e));
        });
        assertTrue(problems.isEmpty(), "The Nu HTML Checker found errors:\n" + String.join("\n", problems));
    }

    @Test
    @Order(3)
    void noPageReferencesAResourceOnAnotherHost() {
        List<String> problems = new ArrayList<>();
        pages.forEach((type, html) -> HtmlChecker.externalResources(html).forEach(r -> problems.add(type + ": " + r)));
        String css = lectern.get("assets/lectern.css");
        HtmlChecker.externalInCss(css).forEach(u -> problems.add("lectern.css: " + u));
        assertTrue(problems.isEmpty(), "Resources from other hosts (fonts, scripts, images must be local):\n"
                + String.join("\n", problems));
    }

    @Test
    @Order(4)
    void theBrowserRequestsNothingFromAnotherHost() {
        List<String> problems = new ArrayList<>();
        chromium.requests(); // forget what came before
        for (PageType type : pages.keySet()) {
            chromium.open(url(type), DESKTOP, 800);
            chromium.script("return document.fonts.ready.then(() => true)");
            for (String request : chromium.requests()) {
                // data: and chrome: addresses stay in the browser; anything on the web must be this server
                boolean web = request.matches("(?i)(https?|wss?|ftp):.*");
                if (web && !request.startsWith(Lectern.URL + "/")) {
                    problems.add(type + ": " + request);
                }
            }
            assertEquals(null, chromium.script("return window.injected"), type + " ran an injected script");
        }
        assertTrue(problems.isEmpty(), "Requests that left the server:\n" + String.join("\n", problems));
    }

    @Test
    @Order(5)
    void noAxeViolationsAtDesktopOrPhoneWidth() {
        List<String> problems = new ArrayList<>();
        for (PageType type : pages.keySet()) {
            for (int width : List.of(DESKTOP, PHONE)) {
                chromium.open(url(type), width, 800);
                chromium.axe(Chromium.WCAG_A_AA).forEach(v -> problems.add(type + " at " + width + " px: " + v));
            }
        }
        assertTrue(problems.isEmpty(), "axe-core (WCAG 2.x A/AA) violations:\n" + String.join("\n", problems));
    }

    @Test
    @Order(6)
    void fitsAPhoneAndPrintsWithoutTheSiteChrome() {
        Path shots = Path.of(System.getProperty("lectern.screenshots", "target/screenshots"));
        List<String> problems = new ArrayList<>();
        for (PageType type : pages.keySet()) {
            for (int width : List.of(DESKTOP, PHONE)) {
                chromium.open(url(type), width, 800);
                chromium.screenshot(shots.resolve(type.fileName() + "-" + width + ".png"));
                Number overflow = (Number) chromium.script(OVERFLOW);
                if (overflow.intValue() > 0) {
                    problems.add(type + " at " + width + " px scrolls sideways by " + overflow + " px: "
                            + chromium.script(WIDEST));
                }
            }
            chromium.open(url(type), A4, 1123);
            chromium.media("print");
            Object chrome = chromium.script("""
                    return [...document.querySelectorAll('header.site, footer.site, nav, .skip')]
                        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 60));""");
            if (!((List<?>) chrome).isEmpty()) {
                problems.add(type + " prints the site's navigation: " + chrome);
            }
            Object ink = chromium.script("return getComputedStyle(document.body).color + ' on ' + getComputedStyle(document.body).backgroundColor");
            if (!"rgb(0, 0, 0) on rgb(255, 255, 255)".equals(ink)) {
                problems.add(type + " prints in " + ink + ", not black on white");
            }
            chromium.screenshot(shots.resolve(type.fileName() + "-print.png"));
            chromium.pdf(shots.resolve(type.fileName() + "-print.pdf"));
            chromium.media("screen");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static final String OVERFLOW = "return document.documentElement.scrollWidth - document.documentElement.clientWidth";

    // names the elements wider than the viewport, to say what to fix
    static final String WIDEST = """
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(', ');""";

    private String url(PageType type) {
        return Lectern.URL + "/" + type.path.apply(content);
    }

    /** A person with a photo, one with a photo address, an organization; an event using every part. */
    private Content publish() throws Exception {
        String name = Lectern.unique("Ada <b>Lovelace</b> & Co " + SCRIPT);
        Map<String, Object> speaker = lectern.create("api/people", Map.of(
                "name", name, "honorific", "Prof.", "email", "ada-secret@example.org",
                "affiliations", List.of(Map.of("name", "Analytical <Engines> & Sons", "former", false),
                        Map.of("name", "Old Place", "former", true)),
                "homepage", "https://example.org/ada?x=1&y=2",
                "links", List.of(Map.of("label", "Scholar " + ATTRIBUTE_BREAK, "url", "https://example.org/scholar")),
                "bio", "Works on *engines* & <em>notes</em>. " + SCRIPT));
        String speakerId = (String) speaker.get("id");
        try (Response photo = lectern.target("api/people/" + speakerId + "/photo").request()
                .put(Entity.entity(portrait(), "image/png"))) {
            assertEquals(200, photo.getStatus(), photo.readEntity(String.class));
        }
        Map<String, Object> panelist = lectern.create("api/people", Map.of(
                "name", Lectern.unique("Grace \"Amazing\" Hopper"),
                "affiliations", List.of(Map.of("name", "Navy & Yale", "former", false)),
                "photoUrl", "https://example.org/photos/grace.jpg"));
        Map<String, Object> company = lectern.create("api/people", Map.of(
                "name", Lectern.unique("Tensor <Works> Inc."), "kind", "ORGANIZATION"));
        String panelistId = (String) panelist.get("id");
        String companyId = (String) company.get("id");

        String slug = Lectern.unique("quality");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("slug", slug);
        event.put("title", "Systems & <ML> Workshop " + SCRIPT + " " + ATTRIBUTE_BREAK);
        event.put("shortTitle", "S&ML");
        event.put("kind", "workshop");
        event.put("timeZone", "Europe/Amsterdam");
        event.put("startDate", "2026-06-25");
        event.put("endDate", "2026-06-26");
        event.put("venue", Map.of("name", "Science Park & Co", "building", "Building <C>", "room", "C1.110",
                "address", "Science Park 904", "city", "Amsterdam"));
        event.put("hostConference", Map.of("name", "ISCA <2026>", "url", "https://example.org/isca?a=1&b=2"));
        event.put("sections", List.of(
                Map.of("heading", "About & <aims>", "body", "We *study* systems & ML.\n\n- one\n- two <script>x</script>\n\n[A link](https://example.org/?a=1&b=2)"),
                Map.of("heading", "Format", "body", "Talks, a panel & posters.")));
        event.put("topics", List.of(Map.of("title", "Compilers & <kernels>", "description", "From IR to silicon."),
                Map.of("title", "Serving", "description", "")));
        event.put("links", List.of(Map.of("kind", "registration", "label", "Register & pay", "url", "https://example.org/register?a=1&b=2")));
        String eventId = (String) lectern.create("api/events", event).get("id");
        put("api/events/" + eventId + "/committee", List.of(
                Map.of("name", "Organization chairs & co", "members", List.of(Map.of("person", speakerId, "role", "General <chair>"))),
                Map.of("name", "Contact", "members", List.of(Map.of("person", panelistId)))));
        put("api/events/" + eventId + "/announcements", List.of(
                Map.of("date", "2026-03-01", "text", "Call for posters <open> & free", "pinned", true)));
        put("api/events/" + eventId + "/sponsors", List.of(
                Map.of("name", "Tensor <Works>", "url", "https://example.org/tw", "logoUrl", "https://example.org/tw.png")));
        put("api/events/" + eventId + "/papers", List.of(
                Map.of("title", "Paged <attention> & friends", "authors", "A. Lovelace & G. Hopper",
                        "url", "https://example.org/paper", "award", "Best paper")));
        String lastTitle = "Closing & <farewell>";
        put("api/events/" + eventId + "/program", Map.of("sessions", List.of(
                session("Opening & keynote", "Aula <1>", "2026-06-25T09:00:00", "2026-06-25T10:30:00", List.of(
                        item("welcome", "Welcome & <intro>", "2026-06-25T09:00:00", "2026-06-25T09:10:00", List.of(), false, false),
                        talk("keynote", "Keynote: engines " + SCRIPT, "2026-06-25T09:10:00", "2026-06-25T10:00:00", List.of(speakerId)),
                        item("talk", "A cancelled talk", "2026-06-25T10:00:00", "2026-06-25T10:20:00", List.of(companyId), true, false),
                        item("talk", "A talk to be announced", "2026-06-25T10:20:00", "2026-06-25T10:30:00", List.of(), false, true))),
                session("Break", null, "2026-06-25T10:30:00", "2026-06-25T11:00:00", List.of(
                        item("break", "Coffee & tea", "2026-06-25T10:30:00", "2026-06-25T11:00:00", List.of(), false, false))),
                session("Panel & posters: https://example.org/a/very/long/address/that/never/breaks/by/itself", "Hörsaal-Donaudampfschifffahrtsgesellschaft", "2026-06-26T14:00:00", "2026-06-26T16:00:00", List.of(
                        item("panel", "Panel: what's next? <hype>", "2026-06-26T14:00:00", "2026-06-26T15:00:00", List.of(panelistId, companyId), false, false),
                        item("poster-session", "Posters", "2026-06-26T15:00:00", "2026-06-26T15:50:00", List.of(), false, false),
                        item("closing", lastTitle, "2026-06-26T15:50:00", "2026-06-26T16:00:00", List.of(), false, false))))));
        try (Response published = lectern.post("api/events/" + eventId + "/publish", Map.of())) {
            assertEquals(200, published.getStatus(), published.readEntity(String.class));
        }
        String escaped = "Closing &amp; &lt;farewell&gt;";
        String schedule = lectern.awaitPublished("events/" + slug + "/schedule/", p -> p.contains(escaped), PUBLISH_TIMEOUT).body();
        // the schedule links the keynote to its talk page
        Matcher keynote = Pattern.compile("<a href=\"/(events/" + Pattern.quote(slug) + "/talks/[0-9a-f-]+/)\">Keynote: engines")
                .matcher(schedule);
        assertTrue(keynote.find(), schedule);
        lectern.awaitPublished("events/" + slug + "/", p -> p.contains("Systems &amp; &lt;ML&gt; Workshop"), PUBLISH_TIMEOUT);
        lectern.awaitPublished("", p -> p.contains("/events/" + slug + "/"), PUBLISH_TIMEOUT);
        content = new Content(slug, (String) speaker.get("slug"), keynote.group(1));
        return content;
    }

    private void put(String path, Object body) {
        try (Response response = lectern.put(path, body)) {
            assertTrue(response.getStatus() == 200 || response.getStatus() == 204,
                    path + ": " + response.getStatus() + " " + response.readEntity(String.class));
        }
    }

    private static Map<String, Object> session(String title, String room, String start, String end, List<Map<String, Object>> items) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("title", title);
        if (room != null) {
            session.put("room", room);
        }
        session.put("start", start);
        session.put("end", end);
        session.put("items", items);
        return session;
    }

    private static Map<String, Object> item(String kind, String title, String start, String end, List<String> speakers,
                                            boolean cancelled, boolean tba) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("title", title);
        item.put("start", start);
        item.put("end", end);
        item.put("speakers", speakers);
        item.put("cancelled", cancelled);
        item.put("speakerToBeAnnounced", tba);
        return item;
    }

    private static Map<String, Object> talk(String kind, String title, String start, String end, List<String> speakers) {
        Map<String, Object> item = item(kind, title, start, end, speakers, false, false);
        item.put("abstract", "We show *why* a < b & c > d.\n\n" + SCRIPT);
        item.put("slidesUrl", "https://example.org/slides.pdf?a=1&b=2");
        item.put("recordingUrl", "https://example.org/video");
        return item;
    }

    /** A small PNG portrait, made here: the upload path, no file from elsewhere. */
    private static byte[] portrait() throws IOException {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xdde6f0));
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(0x0b5cad));
        g.fillOval(28, 14, 40, 40);
        g.fillRoundRect(16, 58, 64, 48, 24, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static final Pattern HREF = Pattern.compile("href=\"([^\"#?]*)");

    /** The site paths the pages link to. */
    private static Set<String> links(Iterable<String> pages) {
        Set<String> links = new LinkedHashSet<>();
        String origin = Lectern.URL;
        for (String page : pages) {
            Matcher m = HREF.matcher(page);
            while (m.find()) {
                String href = m.group(1);
                links.add(href.startsWith(origin) ? href.substring(origin.length()) : href);
            }
        }
        return links;
    }

    static {
        // headless AWT for the portrait
        System.setProperty("java.awt.headless", "true");
    }
}
