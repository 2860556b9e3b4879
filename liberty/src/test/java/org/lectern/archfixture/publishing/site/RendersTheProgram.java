package org.lectern.archfixture.publishing.site;

import org.lectern.archfixture.events.api.EventFacts;
import org.lectern.archfixture.events.program.ProgramInternals;

/** Fixture: publishing through the api (allowed) and into events' internals (the violation). */
public class RendersTheProgram {
    public String render(EventFacts facts, ProgramInternals internals) {
        return facts.title() + internals.secret();
    }
}
