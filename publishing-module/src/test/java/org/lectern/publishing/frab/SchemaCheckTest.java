package org.lectern.publishing.frab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schema checks can fail: a valid export with one thing changed that the schemas forbid (and
 * that the exporter avoids on purpose) is rejected. Without this a mis-loaded schema, say one
 * whose $refs resolve to nothing, would pass everything.
 */
class SchemaCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "event without id        | <event id=\"[0-9]+\"                         | <event",
            "two events, one guid    | guid=\"24eb05d1-8318-3c2d-b8b2-b959315d10f2\" | guid=\"b930bffd-51a8-3a0e-8d2a-9324e6899e8e\"",
            "event without track     | <track/>                                     | ''",
            "duration of 100 hours   | <duration>01:00</duration>                   | <duration>100:00</duration>",
            "acronym of three        | <acronym>effgenai_2024</acronym>             | <acronym>eff</acronym>",
            "date-time without zone  | <date>2024-06-26T09:00:00\\+01:00</date>     | <date>2024-06-26T09:00:00</date>"})
    void xmlTheSchemaForbids(String what, String pattern, String replacement) {
        String valid = new String(ScheduleExport.xml(TestEvents.london(), TestEvents.people(), TestEvents.PAGE),
                StandardCharsets.UTF_8);
        String invalid = valid.replaceFirst(pattern, replacement);
        assertNotEquals(valid, invalid, "the change applies");
        assertFalse(SchemaCheck.xmlErrors(invalid.getBytes(StandardCharsets.UTF_8)).isEmpty(), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "acronym with a dash          | \"acronym\": \"effgenai_2024\"               | \"acronym\": \"effgenai-2024\"",
            "person with name as well     | \"public_name\": \"Alice Adams\"             | \"public_name\": \"Alice Adams\", \"name\": \"Alice Adams\"",
            "zone name the pattern denies | \"time_zone_name\": \"Europe/London\"       | \"time_zone_name\": \"Etc/GMT+5\"",
            "no slug                      | \"slug\": \"[^\"]+\",                        | ''",
            "date that is no date-time    | \"date\": \"2024-06-26T09:00:00\\+01:00\"  | \"date\": \"26 June, 9am\"",
            "url that is no uri           | \"base_url\": \"[^\"]+\"                     | \"base_url\": \"http://exa mple.org/\"",
            "guid that is no uuid         | \"guid\": \"33f2ee11-f113-3c5c-ae11-061cc91d9b9a\" | \"guid\": \"33f2ee11\"",
            "unknown key in an event      | \"language\": null                           | \"language\": null, \"cancelled\": true"})
    void jsonTheSchemaForbids(String what, String pattern, String replacement) {
        String valid = new String(ScheduleExport.json(TestEvents.london(), TestEvents.people(), TestEvents.PAGE),
                StandardCharsets.UTF_8);
        String invalid = valid.replaceFirst(pattern, replacement);
        assertNotEquals(valid, invalid, "the change applies");
        assertFalse(SchemaCheck.jsonErrors(invalid.getBytes(StandardCharsets.UTF_8)).isEmpty(), what);
    }
}
