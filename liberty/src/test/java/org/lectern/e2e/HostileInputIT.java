package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * Each class of hostile input of the security issue, through the admin API to the bytes served.
 * (Also covered elsewhere: non-image uploads and oversized photos in PeopleIT, XXE in ImportIT,
 * encoded ../ in serving paths in ServingIT, javascript: sponsor logos in EventsIT.)
 */
class HostileInputIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Markup that would run if any page let it through unescaped. */
    static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    /** A link or source attribute whose URL would run script (as text, "javascript:" is harmless). */
    static final java.util.regex.Pattern SCRIPT_URL =
            java.util.regex.Pattern.compile("(?i)(href|src)\\s*=\\s*[\"']?\\s*javascript:");

    final Lectern lectern = new Lectern();

    @Test
    void markupInEveryTextFieldThatReachesAPageIsEscapedAndEmailsStayPrivate() throws Exception {
        String tag = Lectern.unique("hostile");
        String email = tag + "@private.example.org";
        Map<String, Object> speaker = lectern.create("api/people", Map.of("name", "Eve " + tag + MARKUP,
                "honorific", "Dr " + MARKUP, "email", email,
                "bio", "Bio " + MARKUP + " [click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>",
                "affiliations", List.of(Map.of("name", "Uni " + MARKUP, "former", false))));
        String slug = Lectern.unique("hostile");
        String id = (String) lectern.create("api/events", Map.ofEntries(Map.entry("slug", slug),
                Map.entry("title", "Title " + MARKUP), Map.entry("shortTitle", "Short " + MARKUP),
                Map.entry("kind", "workshop"), Map.entry("timeZone", "Europe/Paris"),
                Map.entry("startDate", "2031-05-04"), Map.entry("endDate", "2031-05-04"),
                Map.entry("venue", Map.of("name", "Venue " + MARKUP, "room", "Room " + MARKUP, "city", "City " + MARKUP)),
                Map.entry("hostConference", Map.of("name", "Host " + MARKUP)),
                Map.entry("sections", List.of(Map.of("heading", "About " + MARKUP, "body", "Body " + MARKUP + " [x](javascript:alert(5))"))),
                Map.entry("topics", List.of(Map.of("title", "Topic " + MARKUP, "description", "Desc " + MARKUP))))).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        lectern.create("api/events/" + id + "/sessions", Map.of("title", "Session " + MARKUP, "room", "R " + MARKUP,
                "start", "2031-05-04T09:00:00", "end", "2031-05-04T12:00:00",
                "items", List.of(Map.of("kind", "talk", "title", "Talk " + tag + " " + MARKUP, "abstract", "Abstract " + MARKUP,
                        "track", "Track " + MARKUP, "start", "2031-05-04T09:00:00", "end", "2031-05-04T10:00:00",
                        "speakers", List.of(speaker.get("id"))))));

        String personSlug = (String) Lectern.json(lectern.get("api/people/" + speaker.get("id"))).get("slug");
        List<String> pages = List.of("", "events/" + slug + "/", "events/" + slug + "/schedule/",
                "events/" + slug + "/speakers/", "people/" + personSlug + "/");
        lectern.awaitPublished("people/" + personSlug + "/", p -> p.contains(tag), WAIT);
        lectern.awaitPublished("events/" + slug + "/schedule/", p -> p.contains(tag), WAIT);
        lectern.awaitPublished("events/" + slug + "/speakers/", p -> p.contains(tag), WAIT);
        for (String path : pages) {
            String page = lectern.awaitPublished(path, p -> p.contains("Title ") || p.contains(tag), WAIT).body();
            assertFalse(page.contains("<script"), path + " has a script element");
            assertFalse(page.contains("<img src=x"), path + " has the injected image");
            assertFalse(SCRIPT_URL.matcher(page).find(), path + " links to javascript:");
            assertFalse(page.contains(email), path + " shows the private email");
        }
        String schedule = lectern.get("events/" + slug + "/schedule/");
        assertTrue(schedule.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");

        for (String feed : List.of("events/" + slug + "/calendar.ics", "people/" + personSlug + "/calendar.ics",
                "events/" + slug + "/schedule.xml", "events/" + slug + "/schedule.json")) {
            String body = lectern.awaitPublished(feed, f -> f.contains(tag), WAIT).body();
            assertFalse(body.contains(email), feed + " shows the private email");
        }
        String xml = lectern.get("events/" + slug + "/schedule.xml");
        assertFalse(xml.contains("<script>"), "XML escapes markup");
        // the entries are compressed: read each one, and prove the reading sees this event's files
        boolean sawTheSchedule = false;
        try (ZipInputStream zip = new ZipInputStream(Lectern.anonymous()
                .target(URI.create(Lectern.URL + "/api/publishing/export/site.zip")).request().get(InputStream.class))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                sawTheSchedule |= entry.getName().endsWith(slug + "/schedule.xml") && text.contains(tag);
                assertFalse(text.contains(email), entry.getName() + " in the public export shows the private email");
            }
        }
        assertTrue(sawTheSchedule, "site.zip holds the event's schedule.xml");
    }

    /**
     * Line breaks are refused in one-line fields (see below) and kept, escaped, in an abstract;
     * iCalendar's separators in titles, names and places are escaped too.
     */
    @Test
    void lineBreaksInAbstractsAndSeparatorsInTitlesCannotAddCalendarPropertiesOrEvents() throws Exception {
        String tag = Lectern.unique("crlf");
        String injection = "\r\nATTENDEE:mailto:victim@example.org\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected";
        String separators = ";X-INJECTED:1,\\:";
        Map<String, Object> speaker = lectern.create("api/people", Map.of("name", "Mallory " + tag + separators));
        String slug = Lectern.unique("crlf");
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Feed " + tag + separators,
                "kind", "workshop", "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04",
                "venue", Map.of("name", "Hall" + separators, "city", "Town;X-INJECTED:1,\\"))).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        lectern.create("api/events/" + id + "/sessions", Map.of("title", "S" + separators, "room", "Room" + separators,
                "start", "2031-05-04T09:00:00", "end", "2031-05-04T12:00:00",
                "items", List.of(Map.of("kind", "talk", "title", "Talk " + tag + separators, "abstract", "A" + injection,
                        "start", "2031-05-04T09:00:00", "end", "2031-05-04T10:00:00", "speakers", List.of(speaker.get("id"))))));

        String personSlug = (String) Lectern.json(lectern.get("api/people/" + speaker.get("id"))).get("slug");
        for (String feed : List.of("events/" + slug + "/calendar.ics", "people/" + personSlug + "/calendar.ics")) {
            String ics = lectern.awaitPublished(feed, f -> f.contains("Talk " + tag), WAIT).body();
            List<String> lines = unfolded(ics);
            assertEquals(1, lines.stream().filter(l -> l.equals("BEGIN:VEVENT")).count(), feed + ": one talk, one VEVENT\n" + ics);
            assertFalse(lines.stream().anyMatch(l -> l.startsWith("ATTENDEE") || l.startsWith("X-INJECTED")), ics);
            assertFalse(lines.stream().anyMatch(l -> l.startsWith("SUMMARY:Injected")), ics);
            assertTrue(lines.stream().allMatch(l -> !l.contains("\r") && !l.contains("\n")));
            assertTrue(String.join("\n", lines).contains("\\nATTENDEE:mailto:victim@example.org\\nEND:VEVENT"),
                    "the text is kept, escaped: " + ics);
        }
    }

    /** The control characters a text field refuses (a single-line one also TAB, CR and LF; see below). */
    static List<Character> controlCharacters() {
        List<Character> controls = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n') {
                controls.add(c);
            }
        }
        controls.addAll(List.of('\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u2028'));
        return controls;
    }

    @Test
    void controlCharactersInTextFieldsAreRefusedNamingTheField() {
        Map<String, Object> person = lectern.create("api/people", Map.of("name", Lectern.unique("Controls")));
        String slug = Lectern.unique("controls");
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Controls", "kind", "workshop",
                "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")).get("id");
        List<Character> singleLine = new ArrayList<>(controlCharacters());
        singleLine.addAll(List.of('\t', '\n'));
        for (char c : singleLine) {
            String bad = "A" + c + "X-INJ:1";
            String what = String.format("U+%04X", (int) c);
            assertRefused(lectern.post("api/people", Map.of("name", bad)), 422, "name", what);
            assertRefused(lectern.post("api/people", Map.of("name", "Ada",
                    "affiliations", List.of(Map.of("name", bad, "former", false)))), 422, "affiliations[0].name", what);
            assertRefused(lectern.post("api/events", Map.of("slug", Lectern.unique("c"), "title", bad, "kind", "workshop",
                    "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")), 422, "title", what);
            assertRefused(lectern.post("api/events", Map.of("slug", Lectern.unique("c"), "title", "T", "kind", "workshop",
                    "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04",
                    "venue", Map.of("name", "Hall", "room", bad))), 422, "venue.room", what);
            assertRefused(lectern.post("api/events/" + id + "/sessions", Map.of("title", "S", "room", bad,
                    "start", "2031-05-04T09:00:00", "end", "2031-05-04T12:00:00")), 422, "room", what);
            assertRefused(lectern.post("api/events/" + id + "/sessions", Map.of("title", "S",
                    "start", "2031-05-04T09:00:00", "end", "2031-05-04T12:00:00",
                    "items", List.of(Map.of("kind", "talk", "title", bad, "start", "2031-05-04T09:00:00",
                            "end", "2031-05-04T10:00:00")))), 422, "items[0].title", what);
        }
        for (char c : controlCharacters()) {
            String bad = "Para" + c + "X-INJ:1";
            String what = String.format("U+%04X", (int) c);
            assertRefused(lectern.post("api/people", Map.of("name", "Ada", "bio", bad)), 422, "bio", what);
            assertRefused(lectern.post("api/events/" + id + "/sessions", Map.of("title", "S",
                    "start", "2031-05-04T09:00:00", "end", "2031-05-04T12:00:00",
                    "items", List.of(Map.of("kind", "talk", "title", "T", "abstract", bad, "start", "2031-05-04T09:00:00",
                            "end", "2031-05-04T10:00:00")))), 422, "items[0].abstract", what);
        }
        // paragraphs may hold line breaks (LF or CRLF) and tabs
        lectern.create("api/people", Map.of("name", "Ada", "bio", "One\r\nTwo\n\tThree"));
        lectern.create("api/events/" + id + "/sessions", Map.of("title", "S", "start", "2031-05-04T09:00:00",
                "end", "2031-05-04T12:00:00", "items", List.of(Map.of("kind", "talk", "title", "T",
                        "abstract", "One\r\nTwo\n\tThree", "start", "2031-05-04T09:00:00", "end", "2031-05-04T10:00:00"))));
        assertEquals(200, lectern.status("api/people/" + person.get("id")), "the server carries on");
    }

    /** A frab import is not refused for them: its texts are made plain, and its feed has no injected line. */
    @Test
    void controlCharactersInAnImportCannotReachTheFeed() throws Exception {
        StringBuilder hostile = new StringBuilder("Talk");
        for (char c : controlCharacters()) {
            hostile.append(c).append(String.format("X-INJ-%02X:1", (int) c)).append(c).append("DTSTART:20990101T000000Z");
        }
        String tag = Lectern.unique("ctl");
        String text = hostile.toString();
        Map<String, Object> talk = Map.ofEntries(Map.entry("id", 1), Map.entry("guid", java.util.UUID.randomUUID().toString()),
                Map.entry("date", "2031-05-04T09:00:00+00:00"), Map.entry("start", "09:00"), Map.entry("duration", "00:30"),
                Map.entry("room", "Room" + text), Map.entry("title", tag + " " + text), Map.entry("abstract", "Abstract" + text),
                Map.entry("track", "Track" + text), Map.entry("type", "Talk"),
                Map.entry("persons", List.of(Map.of("id", 7, "public_name", "Eve" + text))));
        Map<String, Object> schedule = Map.of("schedule", Map.of("conference", Map.of("acronym", tag, "title", "Conf" + text,
                "time_zone_name", "UTC", "days", List.of(Map.of("date", "2031-05-04",
                        "rooms", Map.of("Room" + text, List.of(talk)))))));
        String slug = Lectern.unique("ctl");
        Map<String, Object> report;
        try (Response imported = lectern.target("api/imports/frab?slug=" + slug).request()
                .post(Entity.entity(Lectern.JSON.toJson(schedule), MediaType.APPLICATION_JSON))) {
            String body = imported.readEntity(String.class);
            assertEquals(201, imported.getStatus(), body);
            report = Lectern.json(body);
        }
        lectern.post("api/events/" + report.get("eventId") + "/publish", Map.of()).close();
        String feed = "events/" + slug + "/calendar.ics";
        String ics = lectern.awaitPublished(feed, f -> f.contains(tag), WAIT).body();
        List<String> known = List.of("BEGIN", "END", "PRODID", "VERSION", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                "URL", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID", "TZURL", "X-LIC-LOCATION", "TZOFFSETFROM",
                "TZOFFSETTO", "TZNAME", "X-PROLEPTIC-TZNAME", "DTSTART", "RRULE", "RDATE", "UID", "DTSTAMP",
                "LAST-MODIFIED", "SEQUENCE", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS");
        String[] lines = ics.split("\r\n", -1);
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line longer than 75 octets: " + line);
            assertTrue(line.chars().noneMatch(c -> c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == 0x2028),
                    "a control character in " + line);
            if (!line.isEmpty() && !line.startsWith(" ")) {
                assertTrue(known.contains(line.split("[:;]", 2)[0]), "unexpected property in " + line + "\n" + ics);
            }
        }
        List<String> entry = unfolded(ics.substring(ics.indexOf("BEGIN:VEVENT")));
        assertEquals(1, entry.stream().filter(l -> l.startsWith("DTSTART")).count(), ics);
        assertEquals(1, entry.stream().filter(l -> l.equals("BEGIN:VEVENT")).count(), ics);
    }

    /** RFC 5545 content lines with folding undone. */
    private static List<String> unfolded(String ics) {
        List<String> lines = new ArrayList<>();
        for (String line : ics.split("\r\n", -1)) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void javascriptAndDataUrlsAreRefusedNamingTheField() {
        for (String url : List.of("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "JaVaScRiPt:alert(1)",
                "vbscript:msgbox(1)", "file:///etc/passwd")) {
            assertRefused(lectern.post("api/people", Map.of("name", "Url test", "homepage", url)), 422, "homepage");
            assertRefused(lectern.post("api/people", Map.of("name", "Url test", "photoUrl", url)), 422, "photoUrl");
            assertRefused(lectern.post("api/people", Map.of("name", "Url test",
                    "links", List.of(Map.of("label", "x", "url", url)))), 422, "links[0].url");
            assertRefused(lectern.post("api/events", Map.of("slug", Lectern.unique("url"), "title", "Url test", "kind", "workshop",
                    "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04",
                    "links", List.of(Map.of("kind", "OTHER", "label", "x", "url", url)))), 422, "links[0].url");
        }
    }

    /** A link or source attribute whose URL has a scheme other than http, https and mailto. */
    static final java.util.regex.Pattern OTHER_SCHEME =
            java.util.regex.Pattern.compile("(?i)(href|src)\\s*=\\s*[\"']?\\s*(?!https?:|mailto:|webcal:)[a-z][a-z0-9+.-]*:");

    @Test
    void dataVbscriptAndFileLinksInMarkdownAreDroppedFromThePages() throws Exception {
        String tag = Lectern.unique("scheme");
        String links = "Read [the data](data:text/html,<script>alert(1)</script>) and [the vb](vbscript:msgbox(1)) and "
                + "[the file](file:///etc/passwd), see ![the image](data:image/svg+xml;base64,PHN2Zz4=) "
                + "<data:text/html,x> and [the site](https://example.org/ok)";
        Map<String, Object> speaker = lectern.create("api/people", Map.of("name", "Bio " + tag, "bio", "Bio " + tag + " " + links));
        String slug = Lectern.unique("scheme");
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Schemes " + tag, "kind", "workshop",
                "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04",
                "sections", List.of(Map.of("heading", "About", "body", "Body " + tag + " " + links)))).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        lectern.create("api/events/" + id + "/sessions", Map.of("title", "S", "start", "2031-05-04T09:00:00",
                "end", "2031-05-04T12:00:00", "items", List.of(Map.of("kind", "talk", "title", "Talk " + tag,
                        "start", "2031-05-04T09:00:00", "end", "2031-05-04T10:00:00", "speakers", List.of(speaker.get("id"))))));
        String personSlug = (String) Lectern.json(lectern.get("api/people/" + speaker.get("id"))).get("slug");
        for (String path : List.of("events/" + slug + "/", "people/" + personSlug + "/")) {
            String page = lectern.awaitPublished(path, p -> p.contains("Body " + tag) || p.contains("Bio " + tag + " "), WAIT).body();
            assertFalse(OTHER_SCHEME.matcher(page).find(), path + " links to another scheme: " + page);
            assertTrue(page.contains("the data") && page.contains("the image"), path + ": the link's text is kept");
            assertTrue(page.contains("href=\"https://example.org/ok\""), path + ": web links stay");
        }
    }

    @Test
    void slugsCannotLeaveTheirFolderAndServingPathsCannotLeaveTheSite() {
        for (String slug : List.of("../../etc", "..", "a/b", "a\\b", "%2e%2e", ".hidden")) {
            assertRefused(lectern.post("api/events", Map.of("slug", slug, "title", "Traversal", "kind", "workshop",
                    "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")), 422, "slug");
        }
        Map<String, Object> person = lectern.create("api/people", Map.of("name", "../../../etc/passwd"));
        String personSlug = (String) person.get("slug");
        assertTrue(personSlug.matches("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*"), personSlug);

        for (String path : List.of("..%2f..%2fserver.xml", "events/..%2f..%2f..%2fserver.env", "%2e%2e/%2e%2e/server.xml",
                "events/%2e%2e%5c%2e%2e%5cserver.xml", "..;/..;/server.xml", "%252e%252e/server.xml")) {
            try (Response response = Lectern.anonymous().target(URI.create(Lectern.URL + "/" + path)).request().get()) {
                String body = response.readEntity(String.class);
                assertTrue(response.getStatus() == 404 || response.getStatus() == 400, path + " -> " + response.getStatus());
                assertFalse(body.contains("keystore_password") || body.contains("<server"), path + " leaked a server file");
            }
        }
    }

    @Test
    void oversizedBodiesGet413AndOversizedFields422NamingTheField() {
        String huge = "x".repeat(2 * 1024 * 1024);
        try (Response tooLarge = lectern.target("api/people").request(MediaType.APPLICATION_JSON)
                .post(Entity.json("{\"name\":\"" + huge + "\"}"))) {
            assertEquals(413, tooLarge.getStatus());
            assertTrue(tooLarge.getMediaType().toString().startsWith("application/problem+json"));
        }
        // a body sent in chunks, without a declared length, is counted as it is read
        try (Response chunked = lectern.target("api/people").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(new ByteArrayInputStream(("{\"name\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8)),
                        MediaType.APPLICATION_JSON))) {
            assertEquals(413, chunked.getStatus(), chunked.readEntity(String.class));
        }
        assertRefused(lectern.post("api/people", Map.of("name", "y".repeat(201))), 422, "name");
        assertRefused(lectern.post("api/events", Map.of("slug", Lectern.unique("big"), "title", "t".repeat(301), "kind", "workshop",
                "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")), 422, "title");
    }

    @Test
    void malformedJsonIsA400Problem() {
        for (String broken : List.of("{\"name\": ", "not json at all", "{\"name\": [1, 2}", "[1,2,3]",
                // one whole value with more behind it: not taken as the value alone
                "{\"name\": \"Ada\"} trailing", "{\"name\": \"Ada\"}{\"name\": \"Grace\"}")) {
            try (Response response = lectern.target("api/people").request(MediaType.APPLICATION_JSON).post(Entity.json(broken))) {
                String body = response.readEntity(String.class);
                assertEquals(400, response.getStatus(), broken + " -> " + body);
                assertTrue(response.getMediaType().toString().startsWith("application/problem+json"), body);
                assertFalse(body.contains("Exception") || body.contains("at org."), "no stack or class names: " + body);
            }
        }
    }

    @Test
    void frabXmlWithEntityExpansionIsRefusedAndTheServerCarriesOn() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
                + "<schedule><conference><title>&lol9;</title></conference></schedule>";
        try (Response refused = lectern.target("api/imports/frab?slug=" + Lectern.unique("bomb")).request()
                .post(Entity.entity(bomb, "application/xml"))) {
            String body = refused.readEntity(String.class);
            assertTrue(refused.getStatus() == 400 || refused.getStatus() == 422, refused.getStatus() + " " + body);
            assertTrue(refused.getMediaType().toString().startsWith("application/problem+json"));
            assertFalse(body.contains("lollol"), body);
        }
        assertEquals(200, lectern.status("api/events"), "the server carries on");
    }

    /**
     * A 20 MB schedule (within the import limit) whose unknown field holds ten million zeros: as an
     * object model that was about 400 MB of a 512 MB heap. It is refused from a streaming count
     * before any model is built. The body is generated as it is sent (the test holds none of it).
     */
    @Test
    void aFrabJsonOfMillionsOfValuesIsRefusedBeforeItsModelIsBuilt() {
        String talk = "{\"id\": 1, \"guid\": \"" + java.util.UUID.randomUUID() + "\", \"date\": \"2031-05-04T09:00:00+00:00\","
                + " \"start\": \"09:00\", \"duration\": \"00:30\", \"room\": \"Hall\", \"title\": \"Zeros\", \"type\": \"Talk\","
                + " \"persons\": []}";
        byte[] head = ("{\"schedule\": {\"conference\": {\"acronym\": \"zeros\", \"title\": \"Zeros\", \"time_zone_name\": \"UTC\","
                + " \"days\": [{\"date\": \"2031-05-04\", \"rooms\": {\"Hall\": [" + talk + "]}}], \"padding\": [0")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "]}}}".getBytes(StandardCharsets.US_ASCII);
        long zeros = (20L * 1024 * 1024 - head.length - tail.length - 1024) / 2;
        InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new RepeatedInput(",0".getBytes(StandardCharsets.US_ASCII), zeros),
                new ByteArrayInputStream(tail))));
        try (Response refused = lectern.target("api/imports/frab?slug=" + Lectern.unique("zeros")).request()
                .post(Entity.entity(body, MediaType.APPLICATION_JSON))) {
            String answer = refused.readEntity(String.class);
            assertTrue(refused.getStatus() == 422 || refused.getStatus() == 413, refused.getStatus() + " " + answer);
            assertTrue(answer.contains("\"field\":\"file\"") && answer.contains("too large"), answer);
        }
        assertEquals(200, lectern.status("api/events"), "the server carries on");
    }

    /** The same bytes, {@code times} times over, made as they are read. */
    private static final class RepeatedInput extends InputStream {
        private final byte[] unit;
        private long left;
        private int at;

        RepeatedInput(byte[] unit, long times) {
            this.unit = unit;
            this.left = times * unit.length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            byte b = unit[at];
            at = (at + 1) % unit.length;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = unit[at];
                at = (at + 1) % unit.length;
            }
            left -= n;
            return n;
        }
    }

    @Test
    void anImageHeaderClaimingBillionsOfPixelsIsRefusedWithoutDecodingIt() throws Exception {
        Map<String, Object> person = lectern.create("api/people", Map.of("name", Lectern.unique("Bomb Photo")));
        try (Response refused = lectern.target("api/people/" + person.get("id") + "/photo").request()
                .put(Entity.entity(pngClaiming(60_000, 60_000), "image/png"))) {
            String body = refused.readEntity(String.class);
            assertEquals(422, refused.getStatus(), body);
            assertTrue(body.contains("\"field\":\"photo\"") && body.contains("pixels"), body);
        }
    }

    /** A PNG of a few kilobytes may claim 6000 x 6000 (144 MB decoded): the sides and the pixel count are bounded. */
    @Test
    void photoDimensionsAreBoundedFromTheHeader() throws Exception {
        Map<String, Object> person = lectern.create("api/people", Map.of("name", Lectern.unique("Big Photo")));
        for (int[] size : List.of(new int[] {6000, 6000}, new int[] {5001, 10}, new int[] {10, 5001}, new int[] {4500, 4500})) {
            try (Response refused = lectern.target("api/people/" + person.get("id") + "/photo").request()
                    .put(Entity.entity(pngClaiming(size[0], size[1]), "image/png"))) {
                String body = refused.readEntity(String.class);
                assertEquals(422, refused.getStatus(), size[0] + "x" + size[1] + ": " + body);
                assertTrue(body.contains("\"field\":\"photo\"") && body.contains("pixels"), body);
            }
        }
        try (Response phone = lectern.target("api/people/" + person.get("id") + "/photo").request()
                .put(Entity.entity(pngClaiming(4032, 3024), "image/png"))) {
            assertEquals(200, phone.getStatus(), "a 12-megapixel phone photo passes: " + phone.readEntity(String.class));
        }
    }

    @Test
    void aDeletedPersonsPhotoIsNeitherServedNorInTheSiteZip() throws Exception {
        String name = Lectern.unique("Gone Photo");
        Map<String, Object> person = lectern.create("api/people", Map.of("name", name));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, new java.util.Random().nextInt()); // a photo no other test uploads
        image.setRGB(1, 0, (int) System.nanoTime());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        try (Response put = lectern.target("api/people/" + person.get("id") + "/photo").request()
                .put(Entity.entity(png.toByteArray(), "image/png"))) {
            assertEquals(200, put.getStatus(), put.readEntity(String.class));
        }
        String slug = Lectern.unique("photo");
        String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Photo " + slug, "kind", "workshop",
                "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        lectern.create("api/events/" + id + "/sessions", Map.of("title", "S", "start", "2031-05-04T09:00:00",
                "end", "2031-05-04T12:00:00", "items", List.of(Map.of("kind", "talk", "title", "Talk " + slug,
                        "start", "2031-05-04T09:00:00", "end", "2031-05-04T10:00:00", "speakers", List.of(person.get("id"))))));
        java.util.regex.Pattern photoPath = java.util.regex.Pattern.compile("assets/photos/[0-9a-f]{64}\\.png");
        String page = lectern.awaitPublished("events/" + slug + "/speakers/",
                p -> p.contains(name) && photoPath.matcher(p).find(), WAIT).body();
        java.util.regex.Matcher found = photoPath.matcher(page);
        assertTrue(found.find());
        String photo = found.group();
        assertEquals(200, Lectern.anonymous().target(URI.create(Lectern.URL + "/" + photo)).request().get().getStatus(), photo);

        try (Response deleted = lectern.target("api/people/" + person.get("id")).request().header("If-Match", "\"2\"").delete()) {
            assertEquals(204, deleted.getStatus(), deleted.readEntity(String.class));
        }
        int status = 200;
        for (long end = System.nanoTime() + WAIT.toNanos(); status != 404 && System.nanoTime() < end; ) {
            Thread.sleep(500);
            try (Response served = Lectern.anonymous().target(URI.create(Lectern.URL + "/" + photo)).request().get()) {
                status = served.getStatus();
            }
        }
        assertEquals(404, status, photo + " is still served after its person was deleted");
        try (ZipInputStream zip = new ZipInputStream(Lectern.anonymous()
                .target(URI.create(Lectern.URL + "/api/publishing/export/site.zip")).request().get(InputStream.class))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                assertFalse(entry.getName().equals(photo), photo + " is still in site.zip");
            }
        }
    }

    /** A small PNG whose header claims the given size: a decompression bomb's first bytes. */
    private static byte[] pngClaiming(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeBytes("IHDR");
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 2, 0, 0, 0});
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        out.writeInt(0);
        out.writeBytes("IEND");
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        out.writeInt((int) end.getValue());
        return bytes.toByteArray();
    }

    @Test
    void draftsAreNeverPublicNorInTheExport() throws Exception {
        String slug = Lectern.unique("draft");
        lectern.create("api/events", Map.of("slug", slug, "title", "Secret draft " + slug, "kind", "workshop",
                "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04"));
        // a published event made afterwards: once it is out, the draft would have been too
        String later = Lectern.unique("public");
        String id = (String) lectern.create("api/events", Map.of("slug", later, "title", "Public " + later, "kind", "workshop",
                "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")).get("id");
        lectern.post("api/events/" + id + "/publish", Map.of()).close();
        lectern.awaitPublished("", p -> p.contains(later), WAIT);

        for (String path : List.of("", "calendar.ics")) {
            assertFalse(lectern.get(path).contains(slug), path + " names the draft");
        }
        for (String path : List.of("events/" + slug + "/", "events/" + slug + "/calendar.ics", "events/" + slug + "/schedule.xml")) {
            assertEquals(404, Lectern.anonymous().target(URI.create(Lectern.URL + "/" + path)).request().get().getStatus(), path);
        }
        try (Response anonymous = Lectern.anonymous().target(URI.create(Lectern.URL + "/api/events")).request().get()) {
            assertEquals(401, anonymous.getStatus());
        }
        try (ZipInputStream zip = new ZipInputStream(Lectern.anonymous()
                .target(URI.create(Lectern.URL + "/api/publishing/export/site.zip")).request().get(InputStream.class))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                assertFalse(entry.getName().contains(slug), entry.getName());
                assertFalse(new String(zip.readAllBytes(), StandardCharsets.UTF_8).contains("Secret draft " + slug), entry.getName());
            }
        }
    }

    /**
     * Exports are built once per site version and revalidated with their ETag, so clients looping
     * on them re-download nothing and rebuild nothing until a publish changes the site.
     */
    @Test
    void exportsAreBuiltOncePerSiteVersionWithAStrongETagAnd304() throws Exception {
        for (String export : List.of("api/publishing/export/site.zip", "api/publishing/export/jekyll.zip")) {
            // earlier tests' renders may still be landing: wait for two downloads in a row that agree
            Download first = download(export, null);
            Download second = download(export, null);
            for (int tries = 0; !second.etag().equals(first.etag()) && tries < 30; tries++) {
                Thread.sleep(1000);
                first = second;
                second = download(export, null);
            }
            assertEquals(first.etag(), second.etag(), export + ": the same site, the same ETag");
            assertTrue(java.util.Arrays.equals(first.bytes(), second.bytes()), export + ": the same ETag, the same bytes");
            assertTrue(first.etag().startsWith("\""), export + ": a strong ETag: " + first.etag());
            Download revalidated = download(export, second.etag());
            assertEquals(304, revalidated.status(), export + " with If-None-Match");
            assertEquals(0, revalidated.bytes().length, export + ": a 304 has no body");

            String slug = Lectern.unique("etag");
            String id = (String) lectern.create("api/events", Map.of("slug", slug, "title", "Export " + slug, "kind", "workshop",
                    "timeZone", "UTC", "startDate", "2031-05-04", "endDate", "2031-05-04")).get("id");
            lectern.post("api/events/" + id + "/publish", Map.of()).close();
            lectern.awaitPublished("", p -> p.contains(slug), WAIT);
            Download changed = download(export, second.etag());
            assertEquals(200, changed.status(), export + ": the site changed, so the old ETag does not match");
            assertFalse(changed.etag().equals(second.etag()), export + ": a new ETag after a publish");
            assertTrue(new String(changed.bytes(), StandardCharsets.ISO_8859_1).contains(slug)
                    || zipNames(changed.bytes()).stream().anyMatch(n -> n.contains(slug)), export + " holds the new event");
        }
    }

    private record Download(int status, String etag, byte[] bytes) {
    }

    private static Download download(String path, String ifNoneMatch) throws Exception {
        for (int tries = 0; ; tries++) {
            var request = Lectern.anonymous().target(URI.create(Lectern.URL + "/" + path)).request();
            if (ifNoneMatch != null) {
                request = request.header("If-None-Match", ifNoneMatch);
            }
            try (Response response = request.get()) {
                if (response.getStatus() == 503 && tries < 30) {
                    Thread.sleep(1000); // the site is not rendered yet
                    continue;
                }
                byte[] bytes = response.getStatus() == 304 ? new byte[0] : response.readEntity(byte[].class);
                String etag = response.getHeaderString("ETag");
                assertTrue(etag != null, path + " has no ETag (status " + response.getStatus() + ")");
                return new Download(response.getStatus(), etag, bytes);
            }
        }
    }

    private static List<String> zipNames(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static void assertRefused(Response response, int status, String field) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            assertTrue(body.contains("\"field\":\"" + field + "\""), field + " not named: " + body);
        }
    }

    private static void assertRefused(Response response, int status, String field, String what) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), what + " in " + field + ": " + body);
            assertTrue(body.contains("\"field\":\"" + field + "\""), what + ": " + field + " not named: " + body);
        }
    }
}
