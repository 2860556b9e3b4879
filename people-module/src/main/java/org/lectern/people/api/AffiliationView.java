package org.lectern.people.api;

/** An organization a person belongs or belonged ({@code former}) to. */
public record AffiliationView(String name, boolean former) {
}
