package org.lectern.archfixture.people.profile;

import org.lectern.archfixture.events.api.EventFacts;

/** Fixture: people depending on events, against the allowed direction, closing a cycle. */
public class KnowsEvents {
    public EventFacts facts;
}
