package org.lectern.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersCannotEndALine() {
        assertEquals("eve\\u000a2026-12-06 INFO forged", LogText.of("eve\n2026-12-06 INFO forged", 100));
        assertEquals("a\\u000db\\u0000c\\u2028d\\u001be\\u005c", LogText.of("a\rb\u0000c\u2028d\u001be\\", 100));
        assertEquals("plain name é", LogText.of("plain name é", 100));
    }

    @Test
    void longTextIsCut() {
        assertEquals("abc…", LogText.of("abcdef", 3));
        assertEquals("abc", LogText.of("abc", 3));
    }
}
