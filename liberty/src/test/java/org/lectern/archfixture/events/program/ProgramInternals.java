package org.lectern.archfixture.events.program;

/** Fixture: an internal class of the events module. */
public class ProgramInternals {
    public String secret() {
        return "internal";
    }
}
