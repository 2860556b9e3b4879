package org.lectern.events.frab;

/**
 * A document that cannot be read as a frab schedule. The message says what is wrong and where:
 * an XML line (and element or talk id) or a JSON path such as
 * {@code $.schedule.conference.days[0].rooms["Curie"][3]}.
 */
public class FrabFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FrabFormatException(String message) {
        super(message);
    }

    public FrabFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
