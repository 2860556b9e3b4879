package org.lectern.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.lectern.events.program.DetailInputs;
import org.lectern.events.program.EventInput;
import org.lectern.events.program.SessionInput;
import org.lectern.people.profile.PersonInput;

/** The checks a JSON body meets before JSON-B reads it, on the project's own input records. */
class BodyShapesTest {

    @Test
    void aMisspeltFieldIsNamedByItsPathAndTheKnownOneSuggested() {
        List<BodyShapes.FieldProblem> problems = problems("""
                {"title": "S", "start": "2026-06-24T10:00", "end": "2026-06-24T11:00",
                 "items": [{"kind": "talk", "title": "A"}, {"kind": "talk", "title": "B", "speekers": []}]}""",
                SessionInput.class);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("items[1].speekers", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("did you mean \"speakers\""), problems.get(0).message());
    }

    @Test
    void aFieldFarFromAnyIsUnknownWithTheFieldsListed() {
        BodyShapes.FieldProblem problem = problems("{\"name\": \"N\", \"colour\": \"red\"}", PersonInput.class).get(0);
        assertEquals("colour", problem.field());
        assertTrue(problem.message().contains("the fields here are name, kind"), problem.message());
    }

    @Test
    void readOnlyFieldsAGetShowedAreAccepted() {
        assertEquals(List.of(), problems("""
                {"kind": "talk", "title": "A", "sequence": 3, "lastModified": "2026-01-01T00:00:00Z",
                 "scheduledStart": "2026-06-24T10:00:00", "scheduledEnd": "2026-06-24T10:20:00"}""",
                SessionInput.ItemInput.class));
        assertEquals(List.of(), problems("{\"name\": \"N\", \"id\": \"x\", \"slug\": \"n\", \"version\": 2}", PersonInput.class));
    }

    @Test
    void wrongFormsAreNamedInWords() {
        List<BodyShapes.FieldProblem> problems = problems("""
                {"kind": "talk", "title": 7, "start": "10:40", "end": "+999999999-01-01T00:00",
                 "durationMinutes": 1e40, "speakers": "everyone", "moderators": ["not-an-id"], "cancelled": "no"}""",
                SessionInput.ItemInput.class);
        assertEquals(List.of("title: expected text in quotes",
                        "start: expected a local time like 2026-06-24T10:40 (in the event's time zone)",
                        "end: expected a local time like 2026-06-24T10:40 (in the event's time zone)",
                        "durationMinutes: expected a whole number",
                        "speakers: expected a list [...]",
                        "moderators[0]: expected an id like \"3b241101-e2bb-4255-8caf-4136c566a962\"",
                        "cancelled: expected true or false"),
                problems.stream().map(p -> p.field() + ": " + p.message()).toList());
    }

    @Test
    void datesNeedFourDigitYearsAndEnumsNameTheirValues() {
        assertEquals("startDate", problems("{\"startDate\": \"+999999999-01-01\"}", EventInput.class).get(0).field());
        assertEquals("kind: expected one of PERSON, ORGANIZATION",
                problems("{\"name\": \"R\", \"kind\": \"ROBOT\"}", PersonInput.class).stream()
                        .map(p -> p.field() + ": " + p.message()).findFirst().orElseThrow());
    }

    @Test
    void listsOfRecordsAreCheckedElementByElement() throws Exception {
        Type committee = getClass().getDeclaredMethod("committee", List.class).getGenericParameterTypes()[0];
        List<BodyShapes.FieldProblem> problems = problems(
                "[{\"name\": \"Chairs\", \"members\": [{\"persn\": \"3b241101-e2bb-4255-8caf-4136c566a962\"}]}]", committee);
        assertEquals("[0].members[0].persn", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("\"person\""), problems.get(0).message());
    }

    @Test
    void aLongFieldNameIsCutInTheAnswer() {
        BodyShapes.FieldProblem problem = problems("{\"" + "k".repeat(10_000) + "\": 1}", PersonInput.class).get(0);
        assertTrue(problem.field().length() < 100, problem.field().length() + " characters");
    }

    @Test
    void deepNestingIsNamedByItsTopLevelField() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertEquals("links", WholeJsonBodies.deeperThan(("{\"name\": \"D\", \"links\": " + deep + "}").getBytes(), 16));
        assertEquals("(body)", WholeJsonBodies.deeperThan(deep.getBytes(), 16));
        assertEquals(null, WholeJsonBodies.deeperThan("{\"a\": [[[{\"b\": [1]}]]]}".getBytes(), 16));
    }

    @SuppressWarnings("unused")
    private void committee(List<DetailInputs.CommitteeGroupInput> groups) {
    }

    private static List<BodyShapes.FieldProblem> problems(String json, Type type) {
        JsonValue body = Json.createReader(new StringReader(json)).readValue();
        return BodyShapes.problems(body, type);
    }
}
