package org.lectern.publishing.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void keepsHttpUrlsWithTheirPositionAndShowsOnlyTheOrigin() {
        List<String> rejected = new ArrayList<>();
        List<Endpoint> endpoints = Endpoint.parse(List.of(
                "https://api.netlify.com/build_hooks/5f1e0cafe?trigger_title=lectern",
                "ftp://files.example.org/hook",
                "http://user:pw@localhost:9095/hooks/lectern",
                "not a url at all"), rejected);

        assertEquals(List.of(1, 3), endpoints.stream().map(Endpoint::position).toList());
        assertEquals("https://api.netlify.com", endpoints.get(0).redacted());
        assertEquals("http://localhost:9095", endpoints.get(1).redacted());
        assertFalse(endpoints.toString().contains("5f1e0cafe"));
        assertFalse(endpoints.toString().contains("pw"));
        assertEquals(List.of("entry 2 is not an absolute http(s) URL", "entry 4 is not an absolute http(s) URL"), rejected);
    }
}
