package org.lectern.events.program;

/** An input that breaks a rule of the program; answered with 422 naming the field. */
public class ProgramRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public ProgramRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
