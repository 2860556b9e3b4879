package org.lectern.people.api;

/** A labelled http or https link of a person ("Google Scholar", "GitHub"). */
public record LinkView(String label, String url) {
}
