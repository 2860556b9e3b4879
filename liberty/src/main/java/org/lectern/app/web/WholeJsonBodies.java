package org.lectern.app.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.lectern.app.problems.Problem;

/**
 * A JSON body is one JSON value and nothing after it. JSON-B reads the first value and ignores
 * the rest, so {@code {"title":"A"} {"title":"B"}} would be taken as "A" without a word; here such
 * a body is a {@code 400} problem instead. Bodies are small ({@link BodyLimits}), so it is read
 * whole, checked, and handed on as it came. Then its depth is bounded and its fields and their
 * forms are checked against the resource's input record ({@link BodyShapes}): an unknown or
 * misspelt field, or a value of the wrong form, is a {@code 400} naming the field.
 */
@Provider
public class WholeJsonBodies implements ReaderInterceptor {

    /** Made once: {@code Json.createParser} looks the provider up again on every call (a class search). */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** Deeper than any resource's document (a program's item's speakers are four levels down). */
    static final int MAX_DEPTH = 16;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        // first: Parsson itself gives up at 1,000 levels with an exception of no JSON kind (a 500)
        String tooDeep = deeperThan(body, MAX_DEPTH);
        if (tooDeep != null) {
            throw new BadRequestException(Problem.badFields(List.of(Map.of("field", tooDeep,
                    "message", "nested more than " + MAX_DEPTH + " levels deep; no resource here is"))));
        }
        JsonLocation after = trailingContent(body);
        if (after != null) {
            throw new BadRequestException(Problem.of(400, "Bad Request",
                    "The request body has more after its JSON value (line " + after.getLineNumber()
                            + ", column " + after.getColumnNumber() + "): send exactly one JSON value."));
        }
        if (BodyShapes.checks(context.getGenericType())) {
            List<BodyShapes.FieldProblem> problems = BodyShapes.problems(read(body), context.getGenericType());
            if (!problems.isEmpty()) {
                throw new BadRequestException(Problem.badFields(problems.stream().map(BodyShapes.FieldProblem::asMap).toList()));
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The body as a JSON tree; a body that is no JSON is a 400 saying where it breaks. */
    private static JsonValue read(byte[] body) {
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new BadRequestException(Problem.of(400, "Bad Request", "The request body is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ").")));
        } catch (JsonException e) {
            throw new BadRequestException(Problem.of(400, "Bad Request", "The request body is not valid JSON."));
        }
    }

    /**
     * The top-level field under which arrays and objects nest deeper than the limit ({@code (body)}
     * for a body that is deep itself), or null. Read as a stream, so any depth is safe to count.
     */
    static String deeperThan(byte[] body, int limit) {
        try (InputStream in = new ByteArrayInputStream(body); JsonParser parser = PARSERS.createParser(in)) {
            int depth = 0;
            String field = null;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case KEY_NAME -> {
                        if (depth == 1) {
                            field = parser.getString();
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > limit) {
                            return field == null ? "(body)" : BodyShapes.shortened(field);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                    }
                }
            }
            return null;
        } catch (JsonException | NoSuchElementException | IOException e) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** Where something follows the body's first complete value; null when nothing does (or the value is broken). */
    static JsonLocation trailingContent(byte[] body) {
        try (InputStream in = new ByteArrayInputStream(body); JsonParser parser = PARSERS.createParser(in)) {
            // walked event by event: Parsson's skipObject/skipArray never return on a truncated body
            int depth = 0;
            do {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                    }
                }
            } while (depth > 0);
            JsonLocation end = parser.getLocation();
            try {
                return parser.hasNext() ? parser.getLocation() : null;
            } catch (JsonParsingException e) {
                return e.getLocation() == null ? end : e.getLocation();
            }
        } catch (JsonException | NoSuchElementException | IOException e) {
            return null;
        }
    }
}
