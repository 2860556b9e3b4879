package org.lectern.archfixture.events.program;

import org.lectern.archfixture.people.profile.KnowsEvents;

/** Fixture: events reaching into people's internals (also a violation), closing the cycle. */
public class UsesPeople {
    public KnowsEvents person;
}
