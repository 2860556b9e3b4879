package org.lectern.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver with Selenium. Both paths are
 * given explicitly, so Selenium Manager has nothing to find and downloads nothing; the flags keep
 * Chromium off the network (no updates, sync or background fetches), which this machine closes
 * anyway. One instance serves a whole test class.
 */
final class Chromium implements AutoCloseable {

    /** axe-core's tags for the WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    // Selenium warns that it has no CDP bindings for this Chromium version; it needs none (raw
    // commands through chromedriver), so keep the log quiet (a strong reference keeps the level)
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private static final String AXE = axeSource();

    private final ChromeDriver driver;
    private final Path profile;

    Chromium() {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        String binary = System.getProperty("lectern.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("lectern.chromedriver", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Debian's chromium and chromium-driver are needed at " + binary + " and "
                    + chromedriver + ": apt-get install -y --no-install-recommends chromium chromium-driver (.ci/run does)");
        }
        try {
            profile = Files.createTempDirectory("lectern-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--hide-scrollbars", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL); // the DevTools Network.* events: every request
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Opens a page at a viewport width (a phone when narrow), as tall as {@code height}. */
    void open(String url, int width, int height) {
        viewport(width, height);
        driver.get(url);
    }

    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Switches CSS media between {@code screen} and {@code print}. */
    void media(String type) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** The addresses the browser requested since the last call (page, stylesheet, images, fonts...). */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try (JsonReader reader = Json.createReader(new StringReader(entry.getMessage()))) {
                JsonObject message = reader.readObject().getJsonObject("message");
                if ("Network.requestWillBeSent".equals(message.getString("method", ""))) {
                    urls.add(message.getJsonObject("params").getJsonObject("request").getString("url"));
                }
            }
        }
        return urls;
    }

    /** One axe-core finding: a rule, its impact, and the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** Runs axe-core on the open page, limited to the given tags; returns its violations. */
    List<Violation> axe(List<String> tags) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(AXE);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));
                """, tags);
        try (JsonReader reader = Json.createReader(new StringReader((String) result))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                throw new IllegalStateException("axe-core failed: " + value);
            }
            List<Violation> violations = new ArrayList<>();
            for (JsonValue v : (JsonArray) value) {
                JsonObject violation = v.asJsonObject();
                List<String> targets = new ArrayList<>();
                for (JsonValue node : violation.getJsonArray("nodes")) {
                    targets.add(node.asJsonObject().get("target").toString());
                }
                violations.add(new Violation(violation.getString("id"), violation.getString("impact", "?"),
                        violation.getString("help", ""), targets));
            }
            return violations;
        }
    }

    /** A PNG of the whole page (not only the viewport) at the current width. */
    void screenshot(Path file) {
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
        Number height = (Number) driver.executeScript("return Math.min(document.documentElement.scrollHeight, 16000)");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** The open page as Chromium prints it (A4), to look at. */
    void pdf(Path file) {
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of(
                "paperWidth", 8.27, "paperHeight", 11.69, "printBackground", false));
        write(file, Base64.getDecoder().decode((String) pdf.get("data")));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        // axe.min.js as Deque ships it in its Java binding's jar (Maven Central): no network at test time
        try (InputStream in = Chromium.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
