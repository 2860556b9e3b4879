package org.lectern.app.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Checks a JSON body against the input record it is meant for, before JSON-B reads it: every
 * field must be one the record has (or one it lists as read-only), and every value must have the
 * form its field expects. JSON-B alone ignores unknown fields (a misspelt {@code speekers} would
 * drop the speakers without a word) and words its type errors in Java. Each problem names the
 * field by its path ({@code items[2].speekers}) and the expected form in an organizer's words; no
 * value of the body is ever repeated, so an answer stays small whatever was sent.
 *
 * <p>An input record may declare {@code public static final Collection<String> READ_ONLY_FIELDS}:
 * fields its GET shows (version, sequence, ...) that a PUT may carry back and that are ignored.
 */
final class BodyShapes {

    /** One problem: the field's path and what was expected there. */
    record FieldProblem(String field, String message) {
        Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }

    private static final int MAX_PROBLEMS = 20;
    private static final int MAX_NAME = 60;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern ID = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private static final ClassValue<Map<String, Type>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> type) {
            Map<String, Type> fields = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                fields.put(renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value(),
                        component.getGenericType());
            }
            return fields;
        }
    };

    private static final ClassValue<Set<String>> READ_ONLY = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            try {
                Field field = type.getDeclaredField("READ_ONLY_FIELDS");
                if (!Modifier.isStatic(field.getModifiers())) {
                    return Set.of();
                }
                field.setAccessible(true);
                return Set.copyOf((Collection<String>) field.get(null));
            } catch (NoSuchFieldException | IllegalAccessException | ClassCastException e) {
                return Set.of();
            }
        }
    };

    private final List<FieldProblem> problems = new ArrayList<>();

    private BodyShapes() {
    }

    /** Whether bodies of this type are checked: input records and lists of them. */
    static boolean checks(Type type) {
        return raw(type).isRecord() || Collection.class.isAssignableFrom(raw(type));
    }

    /** The problems of the body for this type, in the order met; empty when it fits. */
    static List<FieldProblem> problems(JsonValue body, Type type) {
        BodyShapes shapes = new BodyShapes();
        shapes.check(body, type, "");
        return shapes.problems;
    }

    private void check(JsonValue value, Type type, String path) {
        if (problems.size() >= MAX_PROBLEMS || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            checkObject(value, raw, path);
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                problem(path, "expected a list [...]");
                return;
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]");
            }
        } else {
            String expected = expectedForm(value, raw);
            if (expected != null) {
                problem(path, "expected " + expected);
            }
        }
    }

    private void checkObject(JsonValue value, Class<?> record, String path) {
        if (!(value instanceof JsonObject object)) {
            problem(path, "expected an object {...}");
            return;
        }
        Map<String, Type> fields = FIELDS.get(record);
        Set<String> readOnly = READ_ONLY.get(record);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String name = entry.getKey();
            String fieldPath = path.isEmpty() ? shortened(name) : path + "." + shortened(name);
            Type fieldType = fields.get(name);
            if (fieldType != null) {
                check(entry.getValue(), fieldType, fieldPath);
            } else if (!readOnly.contains(name)) {
                String near = nearest(name, fields.keySet());
                problem(fieldPath, near == null ? "unknown field; the fields here are " + String.join(", ", fields.keySet())
                        : "unknown field; did you mean \"" + near + "\"?");
            }
        }
    }

    /** What a scalar field expects, in words, when the value does not have that form; null when it does. */
    private static String expectedForm(JsonValue value, Class<?> type) {
        String text = value instanceof JsonString s ? s.getString() : null;
        if (type == String.class) {
            return text == null ? "text in quotes" : null;
        }
        if (type == UUID.class) {
            return text != null && ID.matcher(text).matches() ? null
                    : "an id like \"3b241101-e2bb-4255-8caf-4136c566a962\"";
        }
        if (type == LocalDateTime.class) {
            return text != null && LOCAL_TIME.matcher(text).matches() && parses(() -> LocalDateTime.parse(text)) ? null
                    : "a local time like 2026-06-24T10:40 (in the event's time zone)";
        }
        if (type == LocalDate.class) {
            return text != null && DATE.matcher(text).matches() && parses(() -> LocalDate.parse(text)) ? null
                    : "a date like 2026-06-24";
        }
        if (type == LocalTime.class) {
            return text != null && TIME_OF_DAY.matcher(text).matches() && parses(() -> LocalTime.parse(text)) ? null
                    : "a time of day like 09:30";
        }
        if (type == boolean.class || type == Boolean.class) {
            return value == JsonValue.TRUE || value == JsonValue.FALSE ? null : "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return value instanceof JsonNumber n && n.isIntegral() && fitsInt(n) ? null : "a whole number";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return text != null && names.contains(text) ? null : "one of " + String.join(", ", names);
        }
        return null;
    }

    private static boolean fitsInt(JsonNumber n) {
        return n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void problem(String path, String message) {
        problems.add(new FieldProblem(path.isEmpty() ? "(body)" : path, message));
    }

    /** A field name as it is repeated back: long names are cut, so an answer stays small. */
    static String shortened(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "...";
    }

    /** The known field closest to a misspelt one (at most two edits, or a difference of case). */
    static String nearest(String name, Collection<String> known) {
        if (name.length() > MAX_NAME) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.min(2, Math.max(1, name.length() / 3)) ? best : null;
    }

    /** Levenshtein distance: the fewest single-character edits that turn one name into the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
