package org.lectern.publishing.intake;

/** One dead letter sent back: its id on the dead-letter address, the new message's id, and where it went. */
public record Replayed(String id, String replayedAs, String sentTo) {
}
