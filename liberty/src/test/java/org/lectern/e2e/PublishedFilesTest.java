package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check KillDuringRenderIT relies on finds a file cut short, of every type it parses. */
class PublishedFilesTest {

    static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>x</title></head><body><p>x</p></body></html>\n";
    static final String FEED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
            + "DTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nSUMMARY:Talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    static final String JSON = "{\"schedule\":{\"version\":\"1\",\"conference\":{\"days\":[]}}}";
    static final String XML = "<?xml version=\"1.0\"?><schedule><version>1</version></schedule>";

    @Test
    void wholeFilesPassAndEveryFileCutShortIsFound(@TempDir Path site) throws Exception {
        write(site, "index.html", PAGE);
        write(site, "calendar.ics", FEED);
        write(site, "events/a/schedule.json", JSON);
        write(site, "events/a/schedule.xml", XML);
        write(site, "events/a/.index.html.1234.tmp", "<!DOCTYPE html><ht");
        assertEquals(List.of(), PublishedFiles.broken(site), "whole files, and a temporary file, which is never served");

        write(site, "events/b/index.html", cut(PAGE));
        write(site, "events/b/calendar.ics", cut(FEED));
        write(site, "events/b/schedule.json", cut(JSON));
        write(site, "events/b/schedule.xml", cut(XML));
        List<String> broken = PublishedFiles.broken(site);
        assertEquals(4, broken.size(), broken.toString());
        assertTrue(broken.stream().allMatch(b -> b.startsWith("events/b/")), broken.toString());
        assertEquals(8, PublishedFiles.hashes(site).size(), "every served file, the temporary one left out");
    }

    private static String cut(String text) {
        return text.substring(0, text.length() * 2 / 3);
    }

    private static void write(Path site, String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
