package org.lectern.publishing.intake;

/** A message this module cannot read; rethrown so the broker retries it and then dead-letters it. */
class UnreadableMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableMessage(String message) {
        super(message);
    }

    UnreadableMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
