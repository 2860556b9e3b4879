package org.lectern.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.json.stream.JsonLocation;

import org.junit.jupiter.api.Test;

class WholeJsonBodiesTest {

    private static JsonLocation trailing(String body) {
        // a truncated body once made the check spin for ever (Parsson's skipObject): bounded here
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> WholeJsonBodies.trailingContent(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneValueWithWhitespaceAroundItIsWhole() {
        assertNull(trailing("{\"name\": \"Ada\", \"tags\": [1, {\"a\": []}]}"));
        assertNull(trailing("  [1, 2, 3]\n\t "));
        assertNull(trailing("\"text\""));
        assertNull(trailing("42"));
    }

    @Test
    void anythingAfterTheValueIsFoundWithItsPlace() {
        JsonLocation garbage = trailing("{\"name\": \"Ada\"} trailing");
        assertNotNull(garbage);
        assertEquals(1, garbage.getLineNumber());
        assertNotNull(trailing("{\"name\": \"Ada\"}{\"name\": \"Grace\"}"));
        assertNotNull(trailing("[1]\n[2]"));
        assertNotNull(trailing("{} ,"));
    }

    @Test
    void aBrokenOrTruncatedValueIsLeftToJsonB() {
        for (String broken : new String[] {"{\"name\": ", "{\"name\": [1, 2}", "not json", "", "[", "{\"a\":{\"b\":["}) {
            assertNull(trailing(broken), broken);
        }
    }
}
