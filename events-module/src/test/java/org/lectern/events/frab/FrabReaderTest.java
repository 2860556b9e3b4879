package org.lectern.events.frab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Small hand-written documents for the corners the published files do not reach. */
class FrabReaderTest {

    static FrabSchedule read(String document) {
        return FrabReader.read(document.getBytes(StandardCharsets.UTF_8));
    }

    static FrabFormatException refused(String document) {
        return assertThrows(FrabFormatException.class, () -> read(document));
    }

    static void assertMessage(FrabFormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" not in: " + e.getMessage());
        }
    }

    /** A one-day, one-room XML schedule around the given conference content and events. */
    static String xml(String conference, String events) {
        return """
                <schedule>
                  <conference>%s</conference>
                  <day index="1" date="2019-12-27" start="2019-12-27T11:00:00+01:00" end="2019-12-28T04:00:00+01:00">
                    <room name="Hall A">
                %s
                    </room>
                  </day>
                </schedule>
                """.formatted(conference, events);
    }

    static String event(String id, String duration) {
        return "<event id=\"" + id + "\"><date>2019-12-27T12:00:00+01:00</date><duration>" + duration
                + "</duration><title>Talk</title></event>";
    }

    /** A one-day, one-room JSON schedule around the given talks. */
    static String json(String talks) {
        return """
                {"schedule": {"conference": {"title": "Demo", "time_zone_name": "Europe/Berlin",
                  "days": [{"index": 1, "date": "2019-12-27", "rooms": {"Hall A": [%s]}}]}}}
                """.formatted(talks);
    }

    @Test
    void xmlToleratesWhatRealFilesLeaveOutAndIgnoresWhatItDoesNotKnow() {
        FrabSchedule schedule = read("\uFEFF\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml("""
                <title>  Demo Camp  </title><subtitle/><acronym></acronym><custom><deep><deeper/></deep></custom>
                """, """
                <!-- no guid, no version, no licence -->
                <event id=" 7 ">
                  <logo/>
                  <date>2019-12-27T12:00:00+01:00</date>
                  <duration> 00:45 </duration>
                  <room>Hall A</room>
                  <title>
                     Opening
                  </title>
                  <subtitle/>
                  <track>  CCC </track>
                  <language></language>
                  <abstract><![CDATA[<p>Hello & welcome</p>]]></abstract>
                  <recording><license/><optout>false</optout></recording>
                  <answers><answer><question>q</question></answer></answers>
                  <persons>
                    <person id="1">  Ada Lovelace
                    </person>
                    <person id="2"/>
                    <person guid="p-3"><public_name>Grace</public_name></person>
                  </persons>
                  <links><link href="https://example.org">Video</link></links>
                </event>
                """));
        assertEquals("Demo Camp", schedule.title());
        assertNull(schedule.acronym());
        assertNull(schedule.timeZone());
        assertEquals(LocalDate.of(2019, 12, 27), schedule.start()); // from the days, as the conference has none
        assertEquals(LocalDate.of(2019, 12, 27), schedule.end());
        assertEquals(List.of("Hall A"), schedule.rooms());
        assertEquals(List.of("CCC"), schedule.tracks());

        FrabTalk talk = schedule.talks().get(0);
        assertEquals("7", talk.id());
        assertNull(talk.guid());
        assertEquals("Opening", talk.title());
        assertNull(talk.subtitle());
        assertNull(talk.language());
        assertEquals("<p>Hello & welcome</p>", talk.abstractText());
        assertEquals(Instant.parse("2019-12-27T11:00:00Z"), talk.start().toInstant());
        assertEquals(Duration.ofMinutes(45), talk.duration());
        assertEquals(List.of(new FrabPerson("1", null, "Ada Lovelace"), new FrabPerson(null, "p-3", "Grace")),
                talk.persons());
    }

    @Test
    void xmlInItsDeclaredEncoding() {
        String document = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + xml("<title>Straße</title>", "");
        assertEquals("Straße", FrabReader.read(document.getBytes(StandardCharsets.ISO_8859_1)).title());
    }

    @Test
    void aTitleFallsBackToTheSlugThenTheId() {
        FrabSchedule schedule = read(xml("", """
                <event id="1"><date>2019-12-27T12:00:00+01:00</date><duration>00:30</duration><title> </title><slug>first-talk</slug></event>
                <event id="2" guid="g-2"><date>2019-12-27T13:00:00+01:00</date><duration>00:30</duration></event>
                <event guid="g-3"><date>2019-12-27T14:00:00+01:00</date><duration>00:30</duration></event>
                """));
        assertEquals(List.of("first-talk", "2", "g-3"), schedule.talks().stream().map(FrabTalk::title).toList());
        assertEquals("g-3", schedule.talks().get(2).id()); // no id: the guid stands in
    }

    @ParameterizedTest
    @CsvSource({"00:45, 45", "0:45, 45", "1:30, 90", "01:30, 90", "00:05:00, 5", "10:00, 600", "00:00, 0", "' 01:00 ', 60"})
    void durations(String text, int minutes) {
        assertEquals(Duration.ofMinutes(minutes), read(xml("", event("42", text))).talks().get(0).duration());
    }

    @Test
    void durationsWithSeconds() {
        assertEquals(Duration.parse("PT1H2M3S"), read(xml("", event("42", "01:02:03"))).talks().get(0).duration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "1:5", "abc", "01:60", "-0:30", "1:00:00:00", "1h30", "PT30M", "100:00", "00:30:60"})
    void aBadDurationNamesTheTalk(String text) {
        FrabFormatException e = refused(xml("", event("42", text)));
        assertMessage(e, "bad duration \"" + text + "\"", "event id=\"42\" at line 5", "expected HH:mm, H:mm or HH:mm:ss");
    }

    @Test
    void aBadDurationInJsonNamesTheTalkAndItsPath() {
        FrabFormatException e = refused(json("""
                {"id": 42, "date": "2019-12-27T12:00:00+01:00", "duration": "half an hour", "title": "Talk"}"""));
        assertMessage(e, "bad duration \"half an hour\"", "talk id=42 at $.schedule.conference.days[0].rooms[\"Hall A\"][0]");
    }

    @Test
    void aMissingDurationNamesTheTalk() {
        FrabFormatException e = refused(xml("", "<event id=\"42\"><date>2019-12-27T12:00:00+01:00</date></event>"));
        assertMessage(e, "event id=\"42\" at line 5 has no duration");
    }

    @Test
    void withoutItsOwnDateATalkStartsAtTheDaysDateAndItsClockTimeInTheConferenceZone() {
        String events = """
                <event id="1"><start>12:00</start><duration>00:30</duration></event>
                <event id="2"><start>10:45</start><duration>00:30</duration></event>
                <event id="3"><start>01:30</start><duration>00:30</duration></event>
                """;
        List<Instant> berlin = starts(read(xml("<time_zone_name>Europe/Berlin</time_zone_name>", events)));
        assertEquals(List.of(Instant.parse("2019-12-27T11:00:00Z"),
                Instant.parse("2019-12-27T09:45:00Z"), // before the day's start, but on its date
                Instant.parse("2019-12-28T00:30:00Z")), // after midnight: the day runs until 04:00
                berlin);
        List<Instant> utc = starts(read(xml("", events)));
        assertEquals(Instant.parse("2019-12-27T12:00:00Z"), utc.get(0));
    }

    @Test
    void clockTimesFollowDaylightSavingTime() {
        String document = """
                <schedule><conference><time_zone_name>Europe/Berlin</time_zone_name></conference>
                <day date="2024-03-31"><room name="A"><event id="1"><start>10:00</start><duration>00:30</duration></event>
                </room></day></schedule>""";
        assertEquals(Instant.parse("2024-03-31T08:00:00Z"), read(document).talks().get(0).start().toInstant());
    }

    @Test
    void aDateWithoutOffsetIsInTheConferenceZone() {
        FrabTalk talk = read(xml("<time_zone_name>Asia/Kolkata</time_zone_name>", """
                <event id="1"><date>2019-12-27T11:00:00</date><duration>00:30</duration></event>""")).talks().get(0);
        assertEquals(Instant.parse("2019-12-27T05:30:00Z"), talk.start().toInstant());
    }

    @Test
    void badTimesNameTheTalk() {
        assertMessage(refused(xml("", "<event id=\"9\"><date>27.12.2019 11:00</date><duration>00:30</duration></event>")),
                "bad date \"27.12.2019 11:00\" in event id=\"9\" at line 5");
        assertMessage(refused(xml("", "<event id=\"9\"><start>25:00</start><duration>00:30</duration></event>")),
                "bad start time \"25:00\" in event id=\"9\"");
        assertMessage(refused(xml("", "<event id=\"9\"><duration>00:30</duration></event>")),
                "event id=\"9\" at line 5 has neither a date nor a start time");
        assertMessage(refused(xml("", "<event><date>2019-12-27T11:00:00Z</date><duration>00:30</duration></event>")),
                "<event> at line 5 has neither an id nor a guid");
        assertMessage(refused("<schedule><day date=\"soon\"><room name=\"A\"><event id=\"9\"><start>10:00</start>"
                + "<duration>00:30</duration></event></room></day></schedule>"), "bad day date \"soon\" in <day> at line 1");
    }

    @Test
    void anUnknownTimeZoneIsReported() {
        assertMessage(refused(xml("<time_zone_name>Mars/Olympus</time_zone_name>", "")),
                "unknown time zone \"Mars/Olympus\" in <conference> at line 2");
    }

    @Test
    void jsonToleratesMissingRoomListsAndVariousPersons() {
        FrabSchedule schedule = read("""
                \uFEFF {"$schema": "x", "schedule": {"conference": {"acronym": "demo", "title": "Demo",
                  "start": "2019-12-27", "end": "2019-12-28", "time_zone_name": null, "unknown": {"a": [1]},
                  "tracks": [{"name": "Art", "color": "#f00"}, "Science"],
                  "days": [{"index": 1, "date": "2019-12-27", "rooms": {
                    "Hall B": [],
                    "Hall A": [{"id": 42, "guid": "", "start": "11:00", "duration": "1:00", "title": "Talk",
                      "subtitle": "", "track": "Science", "abstract": null, "logo": null, "links": [], "do_not_record": false,
                      "persons": [{"id": 3, "public_name": " Ada ", "name": "Augusta Ada King"},
                                  {"code": "NQTF8Y", "name": "Brian"}, "Carol", {"id": 5}, {"guid": "g", "public_name": "Dan"}]}]}}]}}}
                """);
        assertEquals("demo", schedule.acronym());
        assertNull(schedule.timeZone());
        assertEquals(LocalDate.of(2019, 12, 28), schedule.end());
        assertEquals(List.of("Hall B", "Hall A"), schedule.rooms());
        assertEquals(List.of("Art", "Science"), schedule.tracks());
        FrabTalk talk = schedule.talks().get(0);
        assertEquals("42", talk.id());
        assertNull(talk.guid());
        assertNull(talk.subtitle());
        assertEquals("Hall A", talk.room());
        assertEquals(Instant.parse("2019-12-27T11:00:00Z"), talk.start().toInstant());
        assertEquals(List.of(new FrabPerson("3", null, "Ada"), new FrabPerson("NQTF8Y", null, "Brian"),
                new FrabPerson(null, null, "Carol"), new FrabPerson(null, "g", "Dan")), talk.persons());
    }

    @Test
    void jsonConferenceRoomsComeFirst() {
        FrabSchedule schedule = read("""
                {"schedule": {"conference": {"rooms": [{"name": "Main", "guid": "r"}, "Side"],
                  "days": [{"date": "2019-12-27", "rooms": {"Cellar": [], "Main": []}}]}}}""");
        assertEquals(List.of("Main", "Side", "Cellar"), schedule.rooms());
        assertTrue(schedule.talks().isEmpty());
    }

    @Test
    void jsonOfTheWrongShapeIsReportedWithItsPath() {
        assertMessage(refused("{\"schedule\": {\"conference\": {\"days\": {}}}}"),
                "expected an array at $.schedule.conference.days, found object");
        assertMessage(refused(json("{\"id\": 1, \"title\": [\"a\"]}")),
                "expected text at $.schedule.conference.days[0].rooms[\"Hall A\"][0].title, found array");
        assertMessage(refused(json("7")), "expected an object at $.schedule.conference.days[0].rooms[\"Hall A\"][0], found number");
    }

    @Test
    void malformedXmlSaysWhere() {
        FrabFormatException e = refused("<schedule>\n  <conference>\n    <title>x</conference>\n</schedule>");
        assertTrue(e.getMessage().startsWith("malformed XML at line 3, column "), e.getMessage());
        assertMessage(e, "title");
    }

    @Test
    void malformedJsonSaysWhere() {
        FrabFormatException e = refused("{\"schedule\": {\n  \"conference\": {\"title\": \"x\",}}}");
        assertTrue(e.getMessage().startsWith("malformed JSON at line 2, column 31: "), e.getMessage());
        assertMessage(refused("{\"schedule\": {}} {\"schedule\": {}}"), "malformed JSON at line 1, column 18");
        assertMessage(refused("{\"schedule\": {}} trailing"), "malformed JSON at line 1");
    }

    @Test
    void jsonMustBeUtf8() {
        byte[] latin1 = "{\"schedule\": {\"conference\": {\"title\": \"Straße\"}}}".getBytes(StandardCharsets.ISO_8859_1);
        FrabFormatException e = assertThrows(FrabFormatException.class, () -> FrabReader.read(latin1));
        assertMessage(e, "malformed JSON: not UTF-8 at byte 43");
    }

    @Test
    void whatIsNotAScheduleIsSaidSo() {
        assertMessage(refused("hello"), "not a frab schedule: expected XML ('<') or JSON ('{'), but the document starts with \"hello\"");
        assertMessage(refused("[{\"schedule\": {}}]"), "not a frab schedule", "starts with \"[{");
        assertMessage(refused(" \r\n\t"), "not a frab schedule: the document is empty");
        assertMessage(refused(""), "not a frab schedule: the document is empty");
        assertMessage(refused("{\"conference\": {}}"), "not a frab schedule: $.schedule is missing");
        assertMessage(refused("<html><body/></html>"), "not a frab schedule: the root element is <html> at line 1, expected <schedule>");
        assertMessage(assertThrows(FrabFormatException.class, () -> FrabReader.read(new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0})),
                "starts with byte 0xFF");
    }

    @Test
    void anEmptyScheduleIsReadAsEmpty() {
        FrabSchedule schedule = read("<schedule/>");
        assertTrue(schedule.talks().isEmpty());
        assertNull(schedule.start());
        assertTrue(read("{\"schedule\": {}}").rooms().isEmpty());
    }

    @Test
    void theModelIsImmutable() {
        FrabSchedule schedule = read(xml("", event("1", "00:30")));
        assertThrows(UnsupportedOperationException.class, () -> schedule.talks().clear());
        assertThrows(UnsupportedOperationException.class, () -> schedule.talks().get(0).persons().clear());
        assertThrows(UnsupportedOperationException.class, () -> schedule.rooms().add("x"));
    }

    private static List<Instant> starts(FrabSchedule schedule) {
        return schedule.talks().stream().map(talk -> talk.start().toInstant()).toList();
    }
}
