package org.lectern.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import net.fortuna.ical4j.data.CalendarBuilder;

/**
 * The files of a published site as a reader gets them, each parsed as its type says, so a file
 * cut short (a crash in the middle of writing it in place) is found: HTML must run from its
 * doctype to {@code </html>}, a feed must parse as iCalendar, JSON as JSON, XML as XML. Hidden
 * files (the publisher's temporary files) are not served and not checked.
 */
final class PublishedFiles {

    private PublishedFiles() {
    }

    /** Every published file that does not parse, with the reason; empty when all are whole. */
    static List<String> broken(Path root) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files(root)) {
            String problem = problem(file);
            if (problem != null) {
                broken.add(root.relativize(file) + ": " + problem);
            }
        }
        return broken;
    }

    /** Every published file's SHA-256, by path. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files(root)) {
            hashes.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
        }
        return hashes;
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> Stream.iterate(root.relativize(f), p -> p != null, Path::getParent)
                            .noneMatch(p -> p.getFileName().toString().startsWith(".")))
                    .sorted().toList();
        }
    }

    private static String problem(Path file) {
        String name = file.getFileName().toString();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (name.endsWith(".html")) {
                boolean whole = text.regionMatches(true, 0, "<!DOCTYPE html>", 0, 15) && text.strip().endsWith("</html>");
                return whole ? null : "HTML not whole (" + text.length() + " chars)";
            }
            if (name.endsWith(".ics")) {
                new CalendarBuilder().build(new StringReader(text));
                return text.endsWith("END:VCALENDAR\r\n") ? null : "feed does not end with END:VCALENDAR";
            }
            if (name.endsWith(".json")) {
                Lectern.JSON.fromJson(text, Object.class);
                return null;
            }
            if (name.endsWith(".xml")) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
                return null;
            }
            return text.isEmpty() && !name.endsWith(".txt") ? "empty" : null;
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
