package org.lectern.people.profile;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An input record whose text fields hold no control characters: a lone CR, NUL, ESC or DEL
 * written into a calendar feed or a page can start a line of its own. Every text component is
 * one line (no CR, LF or TAB either: a line break in a title is a paste mistake) except those
 * named in {@link #multiline()}, which may hold LF, CRLF and TAB. Each offending field is its own
 * violation, named by its JSON name.
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = PlainTextCheck.class)
public @interface PlainText {

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The record components (Markdown, abstracts) that may hold line breaks and tabs. */
    String[] multiline() default {};
}
