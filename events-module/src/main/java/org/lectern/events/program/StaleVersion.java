package org.lectern.events.program;

/** A write based on a version of the event that is no longer the current one: 412. */
public class StaleVersion extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long current;

    public StaleVersion(long basedOn, long current) {
        super("the event changed since version " + basedOn + "; it is now at version " + current
                + ": read it again and reapply your change");
        this.current = current;
    }

    /** The event's version now, sent back as the ETag of the 412. */
    public long current() {
        return current;
    }
}
