package org.lectern.events.program;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words the API uses for kinds ("invited talk", "invited-talk") and their enum constants. */
final class Kinds {

    private Kinds() {
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new ProgramRuleViolation(field, "is required; one of " + choices(type));
        }
        String constant = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        try {
            return Enum.valueOf(type, constant);
        } catch (IllegalArgumentException e) {
            throw new ProgramRuleViolation(field, "must be one of " + choices(type));
        }
    }

    static String word(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Kinds::word).collect(Collectors.joining(", "));
    }
}
