package org.lectern.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import nu.validator.client.EmbeddedValidator;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Checks served HTML without a browser: the Nu HTML Checker (the engine behind validator.w3.org/nu),
 * in process, and a scan for resources a page would load from another host.
 */
final class HtmlChecker {

    /** What the checker found; errors fail a page, warnings are only shown. */
    record Report(List<String> errors, List<String> warnings) {
    }

    /** Validates one document as HTML5. The first call loads the schemas (several seconds). */
    static Report validate(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String json;
        try {
            json = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | SAXException e) {
            return new Report(List.of("the checker failed: " + e), List.of());
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            for (JsonValue value : reader.readObject().getJsonArray("messages")) {
                JsonObject message = value.asJsonObject();
                String type = message.getString("type", "");
                String text = "line " + message.getInt("lastLine", 0) + ": " + message.getString("message", "")
                        + " [" + message.getString("extract", "").strip() + "]";
                // "error" is a document error, "non-document-error" one of the checker itself (I/O,
                // schema); "info" is a warning or a note: shown, not failed
                if (type.equals("info")) {
                    warnings.add(text);
                } else {
                    errors.add(type + ": " + text);
                }
            }
        }
        return new Report(errors, warnings);
    }

    /** Elements and attributes through which a page loads something by itself (not links one follows). */
    private static final List<String[]> LOADING_ATTRIBUTES = List.of(
            new String[] {"script", "src"}, new String[] {"img", "src"}, new String[] {"img", "srcset"},
            new String[] {"source", "src"}, new String[] {"source", "srcset"}, new String[] {"video", "src"},
            new String[] {"video", "poster"}, new String[] {"audio", "src"}, new String[] {"track", "src"},
            new String[] {"iframe", "src"}, new String[] {"embed", "src"}, new String[] {"object", "data"},
            new String[] {"input", "src"}, new String[] {"image", "href"}, new String[] {"use", "href"});

    /** The {@code rel}s of a {@code <link>} that make the browser fetch its {@code href}. */
    private static final Set<String> LOADING_RELS = Set.of("stylesheet", "icon", "apple-touch-icon", "manifest",
            "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "mask-icon");

    /**
     * Every absolute (or scheme-relative) http(s) address that the page itself would fetch: scripts,
     * stylesheets, icons, fonts (in inline CSS), images. Links to follow ({@code <a href>}, a
     * {@code rel=alternate} feed) are not requests and are allowed.
     */
    static List<String> externalResources(String html) {
        Document document;
        try {
            document = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET).parse(new InputSource(new StringReader(html)));
        } catch (IOException | SAXException e) {
            return List.of("could not parse the page: " + e);
        }
        List<String> found = new ArrayList<>();
        for (String[] pair : LOADING_ATTRIBUTES) {
            for (Element element : elements(document, pair[0])) {
                String value = element.getAttribute(pair[1]);
                if (!value.isEmpty() && absolute(value)) {
                    found.add("<" + pair[0] + " " + pair[1] + "=\"" + value + "\">");
                }
            }
        }
        for (Element link : elements(document, "link")) {
            boolean loads = false;
            for (String rel : link.getAttribute("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                loads |= LOADING_RELS.contains(rel);
            }
            if (loads && absolute(link.getAttribute("href"))) {
                found.add("<link rel=\"" + link.getAttribute("rel") + "\" href=\"" + link.getAttribute("href") + "\">");
            }
        }
        for (Element style : elements(document, "style")) {
            found.addAll(externalInCss(style.getTextContent()).stream().map(u -> "<style>: " + u).toList());
        }
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("style")) {
                found.addAll(externalInCss(element.getAttribute("style")).stream()
                        .map(u -> "<" + element.getLocalName() + " style>: " + u).toList());
            }
        }
        return found;
    }

    /** {@code url(...)} and {@code @import} targets in a stylesheet that point to another host. */
    static List<String> externalInCss(String css) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?i)(?:url\\(\\s*['\"]?|@import\\s+['\"])([^'\")\\s]+)").matcher(css);
        while (m.find()) {
            if (absolute(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static boolean absolute(String value) {
        // srcset holds several addresses: any absolute one counts
        for (String part : value.split(",")) {
            String address = part.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (address.startsWith("http:") || address.startsWith("https:") || address.startsWith("//")) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private HtmlChecker() {
    }
}
