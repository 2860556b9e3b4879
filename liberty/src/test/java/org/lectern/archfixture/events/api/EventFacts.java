package org.lectern.archfixture.events.api;

/** Fixture: the events module's published api. */
public record EventFacts(String title) {
}
