package org.lectern.events.frab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No DOCTYPE gets through: no external entities, no entity expansion, no fetching of anything. */
class FrabReaderSecurityTest {

    static FrabFormatException refused(String document) {
        return assertThrows(FrabFormatException.class, () -> FrabReader.read(document.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xxeIsRefusedAndTheFileNeverRead() {
        FrabFormatException e = refused("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <schedule><conference><title>&e;</title></conference></schedule>
                """);
        assertTrue(e.getMessage().startsWith("DOCTYPE is not allowed (line 2)"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            entities.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE schedule [" + entities + "]>"
                + "<schedule><conference><title>&lol9;</title></conference></schedule>";
        FrabFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(bomb));
        assertTrue(e.getMessage().startsWith("DOCTYPE is not allowed"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "nothing expanded into the message");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE schedule SYSTEM \"http://%s/schedule.dtd\"><schedule/>",
        "<!DOCTYPE schedule [<!ENTITY %% remote SYSTEM \"http://%s/remote.dtd\"> %%remote;]><schedule/>",
        "<!DOCTYPE schedule [<!ENTITY e SYSTEM \"http://%s/e.xml\">]><schedule><conference><title>&e;</title></conference></schedule>"})
    void nothingExternalIsEverFetched(String template) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String host = "127.0.0.1:" + server.getAddress().getPort();
            FrabFormatException e = refused(template.formatted(host, host));
            assertTrue(e.getMessage().startsWith("DOCTYPE is not allowed"), e.getMessage());
        } finally {
            server.stop(0);
        }
        assertEquals(0, requests.get());
    }

    @Test
    void aDoctypeAfterByteOrderMarkAndBlankLinesIsRefusedToo() {
        FrabFormatException e = refused("\uFEFF\n\n<?xml version=\"1.0\"?>\n<!DOCTYPE schedule><schedule/>");
        assertTrue(e.getMessage().startsWith("DOCTYPE is not allowed (line 4)"), e.getMessage());
    }

    @Test
    void anEntityReferenceWithoutDoctypeIsMalformed() {
        FrabFormatException e = refused("<schedule><conference><title>&xxe;</title></conference></schedule>");
        assertTrue(e.getMessage().startsWith("malformed XML at line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("xxe"), e.getMessage());
    }

    @Test
    void deeplyNestedJsonIsRefusedNotAStackOverflow() {
        String deep = "{\"schedule\": {\"conference\": {\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}}}";
        FrabFormatException e = refused(deep);
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }

    @Test
    void deeplyNestedUnknownXmlIsSkippedWithoutRecursion() {
        String deep = "<schedule><conference><title>Deep</title></conference><x>" + "<y>".repeat(100_000)
                + "</y>".repeat(100_000) + "</x></schedule>";
        assertEquals("Deep", FrabReader.read(deep.getBytes(StandardCharsets.UTF_8)).title());
    }

    /** A schedule with a huge array in a field nobody reads: bounded before any object model is built. */
    @Test
    void aScheduleOfMillionsOfValuesIsRefusedBeforeItsModelIsBuilt() {
        StringBuilder zeros = new StringBuilder(2 * 1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            zeros.append(i == 0 ? "0" : ",0");
        }
        FrabFormatException e = refused("{\"schedule\": {\"conference\": {\"title\": \"Big\", \"padding\": ["
                + zeros + "]}}}");
        assertTrue(e.getMessage().contains("too large: more than " + JsonScheduleParser.MAX_VALUES + " JSON values"),
                e.getMessage());
        FrabFormatException deep = refused("{\"schedule\": {\"x\": " + "[".repeat(40) + "]".repeat(40) + "}}");
        assertTrue(deep.getMessage().contains("too deeply nested"), deep.getMessage());
    }
}
