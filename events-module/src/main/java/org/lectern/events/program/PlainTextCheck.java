package org.lectern.events.program;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks the text components of a {@link PlainText} record, and says how imports make text plain. */
public class PlainTextCheck implements ConstraintValidator<PlainText, Record> {

    private Set<String> multiline = Set.of();

    @Override
    public void initialize(PlainText annotation) {
        multiline = Set.of(annotation.multiline());
    }

    @Override
    public boolean isValid(Record value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean valid = true;
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (component.getType() != String.class) {
                continue;
            }
            String problem = problem(text(value, component), multiline.contains(component.getName()));
            if (problem != null) {
                valid = false;
                context.disableDefaultConstraintViolation();
                JsonbProperty json = component.getAccessor().getAnnotation(JsonbProperty.class);
                if (json == null) {
                    json = component.getAnnotation(JsonbProperty.class);
                }
                context.buildConstraintViolationWithTemplate(problem)
                        .addPropertyNode(json != null ? json.value() : component.getName())
                        .addConstraintViolation();
            }
        }
        return valid;
    }

    private static String text(Record value, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.trySetAccessible();
            return (String) accessor.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** Why the text is refused, or null: the first control character it holds, by code point and place. */
    static String problem(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiline && (c == '\n' || c == '\t'
                    || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'));
            if (isControl(c) && !allowed) {
                return (c == '\r' || c == '\n'
                        ? (multiline ? "must not contain a carriage return without a line feed"
                                     : "must be one line (no line breaks)")
                        : "must not contain control characters")
                        + String.format(" (U+%04X at character %d)", (int) c, i + 1);
            }
        }
        return null;
    }

    /** C0 controls, DEL and C1 controls; also the Unicode line and paragraph separators, which some readers break on. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /** One line of imported text: every run of control characters (line breaks too) becomes one space. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder plain = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (!inRun) {
                    plain.append(' ');
                }
                inRun = true;
            } else {
                plain.append(c);
                inRun = false;
            }
        }
        return plain.toString();
    }

    /** Imported paragraphs: CRLF and CR become LF, TAB stays, other control characters are removed. */
    public static String paragraphs(String text) {
        if (text == null) {
            return null;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder plain = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (!isControl(c) || c == '\n' || c == '\t') {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
