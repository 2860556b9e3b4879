package org.lectern.events.program;

/** The one rule for every URL an organizer gives: http or https, nothing that could run. */
final class Urls {

    static final String WEB_URL = "(?i)https?://[^\\s<>\"'`]+";
    static final String MESSAGE = "must be an http or https URL";

    private Urls() {
    }
}
