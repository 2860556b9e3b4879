package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exports on the running server: an event published with a talk, then the site as a zip
 * (the same bytes the server serves) and as a Jekyll source tree that the {@code jekyll} command
 * builds as it is, offline, into pages that show the event's facts, its hostile text as text.
 */
class ExportSiteIT {

    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    static final Duration JEKYLL_TIMEOUT = Duration.ofMinutes(3);

    // Liquid that would fail the build if evaluated (the include does not exist), and HTML
    static final String EVENT_TITLE = "Efficient GenAI {{ site.title }} <em>Workshop</em>";
    static final String TALK_TITLE = "Serving LLMs {% include missing.html %} | with PagedAttention";

    final Lectern lectern = new Lectern();

    String slug;
    String speaker;
    String speakerSlug;

    @BeforeEach
    void publishAnEventWithATalk() throws Exception {
        speaker = Lectern.unique("Woosuk Kwon");
        Map<String, Object> person = lectern.create("api/people", Map.of("name", speaker,
                "email", "export-secret@example.org",
                "affiliations", List.of(Map.of("name", "UC Berkeley", "former", false))));
        speakerSlug = (String) person.get("slug");
        slug = Lectern.unique("exported");
        Map<String, Object> event = lectern.create("api/events", Map.of(
                "slug", slug, "title", EVENT_TITLE, "kind", "workshop",
                "timeZone", "Europe/London", "startDate", "2024-06-26", "endDate", "2024-06-26",
                "venue", Map.of("city", "Edinburgh"),
                "sections", List.of(Map.of("heading", "About",
                        "body", "<script>alert(1)</script> We meet in [Edinburgh](https://www.ed.ac.uk/).\n\n"
                                + "# Getting there {% include nothing.html %}"))));
        String eventId = (String) event.get("id");
        try (Response published = lectern.post("api/events/" + eventId + "/publish", Map.of())) {
            assertEquals(200, published.getStatus());
        }
        try (Response created = lectern.post("api/events/" + eventId + "/sessions", Map.of(
                "title", "Systems", "room", "Room 1",
                "start", "2024-06-26T10:20:00", "end", "2024-06-26T11:00:00",
                "items", List.of(Map.of("kind", "talk", "title", TALK_TITLE,
                        "start", "2024-06-26T10:20:00", "end", "2024-06-26T11:00:00",
                        "speakers", List.of(person.get("id"))))))) {
            assertEquals(201, created.getStatus(), created.readEntity(String.class));
        }
        // one render writes the pages, then the feed and the frab exports: wait for each
        String base = "events/" + slug + "/";
        lectern.awaitPublished(base + "schedule/", p -> p.contains("Serving LLMs") && p.contains(speaker), PUBLISH_TIMEOUT);
        lectern.awaitPublished(base + "calendar.ics", f -> f.contains("SUMMARY:Serving LLMs"), PUBLISH_TIMEOUT);
        lectern.awaitPublished(base + "schedule.xml", f -> f.contains("Serving LLMs"), PUBLISH_TIMEOUT);
        lectern.awaitPublished(base + "schedule.json", f -> f.contains("Serving LLMs"), PUBLISH_TIMEOUT);
        lectern.awaitPublished("people/" + speakerSlug + "/calendar.ics", f -> f.contains("SUMMARY:Serving LLMs"), PUBLISH_TIMEOUT);
    }

    @Test
    void theSiteZipHoldsTheServedFilesByteForByte() throws Exception {
        Map<String, byte[]> zip = download("api/publishing/export/site.zip", "site.zip");
        String base = "events/" + slug + "/";
        Map<String, String> servedAt = Map.of(
                base + "index.html", base,
                base + "schedule/index.html", base + "schedule/",
                base + "calendar.ics", base + "calendar.ics",
                base + "schedule.xml", base + "schedule.xml",
                base + "schedule.json", base + "schedule.json");
        servedAt.forEach((entry, path) -> {
            assertTrue(zip.containsKey(entry), entry + " missing from " + zip.keySet());
            assertArrayEquals(served(path), zip.get(entry), entry);
        });
        assertTrue(zip.containsKey("index.html"), zip.keySet().toString());
        assertTrue(zip.containsKey("calendar.ics"), zip.keySet().toString());
        for (String entry : zip.keySet()) {
            assertFalse(entry.endsWith("/"), "a folder entry: " + entry);
            for (String segment : entry.split("/")) {
                assertFalse(segment.startsWith("."), "a hidden or temp file: " + entry);
            }
        }
    }

    @Test
    void theJekyllZipBuildsWithJekyllIntoPagesWithTheFacts() throws Exception {
        Path jekyll = onPath("jekyll");
        Map<String, byte[]> zip = download("api/publishing/export/jekyll.zip", "jekyll-site.zip");
        String base = "events/" + slug + "/";
        String personBase = "people/" + speakerSlug + "/";
        for (String file : List.of("_config.yml", "_layouts/default.html", "index.md", base + "index.md",
                base + "schedule.md", base + "speakers.md", personBase + "index.md")) {
            assertTrue(zip.containsKey(file), file + " missing from " + zip.keySet());
        }
        for (String copied : List.of("calendar.ics", "schedule.xml", "schedule.json")) {
            assertArrayEquals(served(base + copied), zip.get(base + copied), copied);
        }
        assertArrayEquals(served(personBase + "calendar.ics"), zip.get(personBase + "calendar.ics"), "the speaker's feed");
        String schedule = new String(zip.get(base + "schedule.md"), StandardCharsets.UTF_8);
        assertTrue(schedule.startsWith("---\nlayout: event\ntitle: \"Schedule\"\npermalink: /" + base
                + "schedule/\nnav: true\nnav_order: 2\n"), schedule);

        Path source = Path.of("target", "jekyll-export", slug).toAbsolutePath();
        unzip(zip, source);
        Path log = source.resolveSibling(slug + "-build.log");
        ProcessBuilder build = new ProcessBuilder(jekyll.toString(), "build")
                .directory(source.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        build.environment().put("LANG", "C.UTF-8");
        long began = System.nanoTime();
        Process process = build.start();
        if (!process.waitFor(JEKYLL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("jekyll build did not finish within " + JEKYLL_TIMEOUT + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), "jekyll build failed:\n" + output);
        System.out.printf("jekyll build of the exported site (%d files) took %d ms:%n%s%n", zip.size(),
                Duration.ofNanos(System.nanoTime() - began).toMillis(), output);

        Path site = source.resolve("_site");
        String home = Files.readString(site.resolve(base + "index.html"));
        assertTrue(home.contains("Efficient GenAI {{ site.title }} &lt;em&gt;Workshop&lt;/em&gt;"), home);
        assertTrue(home.contains("Edinburgh"), home);
        assertTrue(home.contains("&lt;script&gt;alert(1)&lt;/script&gt; We meet in "
                + "<a href=\"https://www.ed.ac.uk/\">Edinburgh</a>."), home);
        assertTrue(home.contains(">Getting there {% include nothing.html %}</h3>"), home);
        assertFalse(home.contains("<em>Workshop") || home.contains("<script>"), home);
        String built = Files.readString(site.resolve(base + "schedule/index.html"));
        assertTrue(built.contains("Serving LLMs {% include missing.html %} | with PagedAttention"), built);
        assertTrue(built.contains(speaker + ", UC Berkeley"), built);
        assertTrue(built.contains("10:20\u201311:00"), built);
        assertTrue(built.contains("Times are Europe/London (BST)."), built);
        assertFalse(built.contains("export-secret"), built);
        assertTrue(Files.readString(site.resolve("index.html")).contains("href=\"" + base + "\""));
        assertArrayEquals(served(base + "calendar.ics"), Files.readAllBytes(site.resolve(base + "calendar.ics")));

        // the speakers page and the speaker's own page, as the site has them
        String speakers = Files.readString(site.resolve(base + "speakers/index.html"));
        assertTrue(speakers.contains("href=\"../../../" + personBase + "\">" + speaker + "</a>"), speakers);
        assertTrue(speakers.contains("Serving LLMs {% include missing.html %} | with PagedAttention"), speakers);
        String page = Files.readString(site.resolve(personBase + "index.html"));
        assertTrue(page.contains(">" + speaker + "</h1>"), page);
        assertTrue(page.contains("UC Berkeley"), page);
        assertTrue(page.contains("Speaker: <strong>Serving LLMs {% include missing.html %} | with PagedAttention</strong>"), page);
        assertFalse(page.contains("export-secret"), page);
        assertArrayEquals(served(personBase + "calendar.ics"), Files.readAllBytes(site.resolve(personBase + "calendar.ics")));
    }

    /** GETs an export; checks it is a zip download and returns its entries. */
    private Map<String, byte[]> download(String path, String filename) throws IOException {
        try (Response response = lectern.target(path).request().get()) {
            byte[] body = response.readEntity(byte[].class);
            assertEquals(200, response.getStatus(), () -> new String(body, StandardCharsets.UTF_8));
            assertEquals("application/zip", response.getMediaType().toString());
            assertEquals("attachment; filename=\"" + filename + "\"", response.getHeaderString("Content-Disposition"));
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    assertFalse(entries.containsKey(entry.getName()), "entry twice: " + entry.getName());
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
            return entries;
        }
    }

    private byte[] served(String path) {
        try (Response response = lectern.target(path).request().get()) {
            assertEquals(200, response.getStatus(), path);
            return response.readEntity(byte[].class);
        }
    }

    private static void unzip(Map<String, byte[]> entries, Path folder) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = folder.resolve(entry.getKey()).normalize();
            assertTrue(file.startsWith(folder), "an entry outside the tree: " + entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }

    /** The command on PATH; fails (not skips) without it: CI installs it (.ci/run). */
    private static Path onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("`" + command + "` is not on PATH (" + path + "): this test builds the Jekyll export with it. "
                + "Install the Debian package: apt-get install --no-install-recommends jekyll (as .ci/run does).");
    }
}
