package org.lectern.publishing.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where an honorific goes: a title before the name, a distinction after it, as the examples write them. */
class PersonCardTest {

    static String shown(String honorific) {
        return new PersonCard("Andrew Fitzgibbon", honorific, null, "/people/a/", null, null).fullName();
    }

    @Test
    void aDistinctionFollowsTheName() {
        assertEquals("Andrew Fitzgibbon, Fellow of the Royal Academy of Engineering",
                shown("Fellow of the Royal Academy of Engineering"));
        assertEquals("Andrew Fitzgibbon, FREng", shown("FREng"));
    }

    @Test
    void aTitlePrecedesTheName() {
        assertEquals("Prof. Andrew Fitzgibbon", shown("Prof."));
        assertEquals("Dr Andrew Fitzgibbon", shown("Dr"));
        assertEquals("Sir Andrew Fitzgibbon", shown(" Sir "));
    }

    @Test
    void noHonorificIsTheName() {
        assertEquals("Andrew Fitzgibbon", shown(null));
    }
}
