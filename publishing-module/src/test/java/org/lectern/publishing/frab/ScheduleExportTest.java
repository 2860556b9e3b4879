package org.lectern.publishing.frab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lectern.publishing.frab.TestEvents.ALICE;
import static org.lectern.publishing.frab.TestEvents.BOB;
import static org.lectern.publishing.frab.TestEvents.CANCELLED_TALK;
import static org.lectern.publishing.frab.TestEvents.CAROL;
import static org.lectern.publishing.frab.TestEvents.COFFEE;
import static org.lectern.publishing.frab.TestEvents.FROM_UTC;
import static org.lectern.publishing.frab.TestEvents.KEYNOTE;
import static org.lectern.publishing.frab.TestEvents.LUNCH;
import static org.lectern.publishing.frab.TestEvents.NIGHT_OWL;
import static org.lectern.publishing.frab.TestEvents.NOTICES;
import static org.lectern.publishing.frab.TestEvents.PAGE;
import static org.lectern.publishing.frab.TestEvents.PANEL;
import static org.lectern.publishing.frab.TestEvents.TBA;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.events.api.EventView;
import org.lectern.people.api.PersonView;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class ScheduleExportTest {

    static final String HOSTILE_TITLE = "<script>alert('x')</script> \"Q&A\" ]]> <![CDATA[x]]>\r\n\uD83D\uDE00\u0000\u001B end";
    static final String HOSTILE_ABSTRACT = "Line 1\r\nLine 2\rLine 3 \u0007bell ]]> {\"key\": \"value\"}, \uD800 lone\n<b>bold</b>";
    static final String HOSTILE_ROOM = "Room \"A\" <b>&amp;</b>\n\t'B' </room><room name=\"evil\">";
    static final String HOSTILE_TRACK = "</track><track>evil\u0000";
    static final String HOSTILE_KIND = "talk\"/><script>";
    static final String HOSTILE_NAME = "Zo\u00eb </person><person id=\"1\">Mallory \uD83D\uDC69\u200D\uD83D\uDCBB";

    static Stream<Arguments> events() {
        EventView london = TestEvents.london();
        return Stream.of(
                Arguments.of("London, two days", london),
                Arguments.of("Chicago, clocks going forward", TestEvents.chicago()),
                Arguments.of("hostile text", hostile()),
                Arguments.of("no program yet", TestEvents.event("empty", "Empty", TestEvents.LONDON,
                        LocalDate.of(2024, 9, 2), LocalDate.of(2024, 9, 3), EventView.Status.PUBLISHED, List.of())),
                Arguments.of("cancelled event", TestEvents.event("effgenai-2024", "Efficient GenAI", TestEvents.LONDON,
                        london.startDate(), london.endDate(), EventView.Status.CANCELLED, london.sessions())));
    }

    static EventView hostile() {
        return TestEvents.texts(HOSTILE_TITLE, HOSTILE_ABSTRACT, HOSTILE_ROOM, HOSTILE_TRACK, HOSTILE_KIND);
    }

    static Map<UUID, PersonView> hostilePeople() {
        PersonView speaker = TestEvents.person("text speaker", HOSTILE_NAME);
        return Map.of(speaker.id(), speaker);
    }

    static Map<UUID, PersonView> peopleFor(EventView event) {
        return event.slug().equals("x") ? hostilePeople() : TestEvents.people();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyExportIsValidAgainstTheSchemas(String name, EventView event) {
        SchemaCheck.assertValidXml(ScheduleExport.xml(event, peopleFor(event), PAGE));
        SchemaCheck.assertValidJson(ScheduleExport.json(event, peopleFor(event), PAGE));
    }

    /** What the publisher writes (both files from one reading) is what each file's own writer gives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void bothFilesAtOnceAreTheFilesOneByOne(String name, EventView event) {
        ScheduleExport.Files both = ScheduleExport.both(event, peopleFor(event), PAGE);
        assertArrayEquals(ScheduleExport.xml(event, peopleFor(event), PAGE), both.xml());
        assertArrayEquals(ScheduleExport.json(event, peopleFor(event), PAGE), both.json());
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        Map<UUID, PersonView> hashed = new HashMap<>(TestEvents.people());
        Map<UUID, PersonView> reversed = new LinkedHashMap<>();
        TestEvents.people().entrySet().stream().sorted(Map.Entry.<UUID, PersonView>comparingByKey().reversed())
                .forEach(e -> reversed.put(e.getKey(), e.getValue()));

        assertArrayEquals(ScheduleExport.xml(TestEvents.london(), hashed, PAGE),
                ScheduleExport.xml(TestEvents.london(), reversed, PAGE));
        assertArrayEquals(ScheduleExport.json(TestEvents.london(), hashed, PAGE),
                ScheduleExport.json(TestEvents.london(), reversed, PAGE));
    }

    @Test
    void everyItemIsExportedOnceWithItsUuidAsGuidAndItsKindAsType() {
        EventView event = TestEvents.london();
        Set<UUID> items = event.items().stream().map(i -> i.id()).collect(Collectors.toSet());
        Map<UUID, Element> xml = xmlEntries(xml(event));
        Map<UUID, JsonObject> json = jsonEntries(json(event));

        assertEquals(items, xml.keySet());
        assertEquals(items, json.keySet());
        assertEquals(items.size(), xml(event).getElementsByTagName("event").getLength(), "each item once");
        assertEquals("break", text(xml.get(COFFEE), "type"));
        assertEquals("meal", json.get(LUNCH).getString("type"));
        assertEquals("keynote", text(xml.get(KEYNOTE), "type"));
        assertEquals(LegacyIds.of(KEYNOTE), Integer.parseInt(xml.get(KEYNOTE).getAttribute("id")));
        assertEquals(LegacyIds.of(KEYNOTE), json.get(KEYNOTE).getInt("id"));
        assertEquals("effgenai_2024-" + LegacyIds.of(KEYNOTE) + "-serving_llms", json.get(KEYNOTE).getString("slug"));
        assertEquals(PAGE.toString(), json.get(KEYNOTE).getString("url"));
    }

    @Test
    void theConferenceIsTheEvent() {
        Document xml = xml(TestEvents.london());
        assertEquals("7", text(xml.getDocumentElement(), "version"));
        Element conference = child(xml.getDocumentElement(), "conference");
        assertEquals("effgenai_2024", text(conference, "acronym"), "the JSON schema allows no dash here");
        assertEquals("Efficient GenAI", text(conference, "title"));
        assertEquals("2024-06-26", text(conference, "start"));
        assertEquals("2024-06-27", text(conference, "end"));
        assertEquals("2", text(conference, "days"));
        assertEquals("00:10", text(conference, "timeslot_duration"), "every start and duration is on a 10-minute grid");
        assertEquals(PAGE.toString(), text(conference, "base_url"));
        assertEquals(PAGE.toString(), text(conference, "url"));
        assertEquals("Europe/London", text(conference, "time_zone_name"));

        JsonObject schedule = json(TestEvents.london()).getJsonObject("schedule");
        assertEquals("7", schedule.getString("version"));
        assertEquals(PAGE.toString(), schedule.getString("base_url"));
        JsonObject jsonConference = schedule.getJsonObject("conference");
        assertEquals("effgenai_2024", jsonConference.getString("acronym"));
        assertEquals(2, jsonConference.getInt("daysCount"));
        assertEquals("2024-06-26", jsonConference.getString("start"));
        assertEquals("Europe/London", jsonConference.getString("time_zone_name"));

        assertEquals("devconf-2024-us", text(child(xml(TestEvents.chicago()).getDocumentElement(), "conference"), "acronym"),
                "a slug the schema accepts stays the acronym");
        assertEquals("00:15", json(TestEvents.chicago()).getJsonObject("schedule").getJsonObject("conference")
                .getString("timeslot_duration"));
    }

    @Test
    void daysAreLocalDatesFromFirstStartToLastEnd() {
        List<Element> days = children(xml(TestEvents.london()).getDocumentElement(), "day");
        assertEquals(2, days.size());
        assertEquals("1", days.get(0).getAttribute("index"));
        assertEquals("2024-06-26", days.get(0).getAttribute("date"));
        assertEquals("2024-06-26T09:00:00+01:00", days.get(0).getAttribute("start"));
        assertEquals("2024-06-26T14:40:00+01:00", days.get(0).getAttribute("end"));
        assertEquals("2", days.get(1).getAttribute("index"));
        assertEquals("2024-06-27T09:00:00+01:00", days.get(1).getAttribute("start"));
        assertEquals("2024-06-27T13:00:00+01:00", days.get(1).getAttribute("end"));

        JsonObject day = json(TestEvents.chicago()).getJsonObject("schedule").getJsonObject("conference")
                .getJsonArray("days").getJsonObject(0);
        assertEquals(1, day.getInt("index"));
        assertEquals("2024-03-10", day.getString("date"));
        assertEquals("2024-03-10T01:30:00-06:00", day.getString("day_start"), "before the change: CST");
        assertEquals("2024-03-10T10:45:00-05:00", day.getString("day_end"), "after it: CDT");
    }

    @Test
    void roomsInOrderOfFirstUseThenNameAndMainWhenTheSessionHasNone() {
        Document xml = xml(TestEvents.london());
        List<Element> days = children(xml.getDocumentElement(), "day");
        assertEquals(List.of("Annex", "Lecture Theatre 1", "Main"), roomNames(days.get(0)),
                "Annex and Lecture Theatre 1 both start at 09:00: by name");
        assertEquals(List.of("Lecture Theatre 1"), roomNames(days.get(1)));
        assertEquals("Main", text(xmlEntries(xml).get(CANCELLED_TALK), "room"));

        JsonObject conference = json(TestEvents.london()).getJsonObject("schedule").getJsonObject("conference");
        assertEquals(List.of("Annex", "Lecture Theatre 1", "Main"), conference.getJsonArray("rooms").stream()
                .map(r -> r.asJsonObject().getString("name")).toList());
        assertEquals(List.of("Annex", "Lecture Theatre 1", "Main"),
                List.copyOf(conference.getJsonArray("days").getJsonObject(0).getJsonObject("rooms").keySet()));
        assertEquals(days.get(0).getElementsByTagName("room").item(0).getAttributes().getNamedItem("guid").getNodeValue(),
                conference.getJsonArray("rooms").getJsonObject(0).getString("guid"), "one room guid in both files");
    }

    @Test
    void itemsInARoomByStartThenTitle() {
        Element theatre = children(children(xml(TestEvents.london()).getDocumentElement(), "day").get(1), "room").get(0);
        assertEquals(List.of("Open Questions", "Lightning Talk", "Lunch"),
                children(theatre, "event").stream().map(e -> text(e, "title")).toList());
    }

    @Test
    void personsCarryIdsGuidsAndNames() {
        Map<UUID, Element> xml = xmlEntries(xml(TestEvents.london()));
        Map<UUID, JsonObject> json = jsonEntries(json(TestEvents.london()));

        List<Element> keynote = children(child(xml.get(KEYNOTE), "persons"), "person");
        assertEquals(List.of("Alice Adams", "Bob Brown"), keynote.stream().map(Node::getTextContent).toList());
        assertEquals(List.of(String.valueOf(LegacyIds.of(ALICE.id())), String.valueOf(LegacyIds.of(BOB.id()))),
                keynote.stream().map(p -> p.getAttribute("id")).toList());
        assertEquals(List.of(ALICE.id().toString(), BOB.id().toString()),
                keynote.stream().map(p -> p.getAttribute("guid")).toList());

        JsonObject alice = json.get(KEYNOTE).getJsonArray("persons").getJsonObject(0);
        assertEquals(LegacyIds.of(ALICE.id()), alice.getInt("id"));
        assertEquals(ALICE.id().toString(), alice.getString("guid"));
        assertEquals("Alice Adams", alice.getString("public_name"));
        assertFalse(alice.containsKey("name"), "name as well would match both branches of the schema's oneOf");

        assertEquals(List.of("Carol Chen", "Alice Adams"), children(child(xml.get(PANEL), "persons"), "person").stream()
                .map(Node::getTextContent).toList(), "speakers, then the moderator; the unknown speaker left out");
        assertEquals(List.of(), children(child(xml.get(TBA), "persons"), "person"), "speaker to be announced");
        assertTrue(json.get(TBA).getJsonArray("persons").isEmpty());
    }

    @Test
    void timesAreInTheEventZone() {
        Map<UUID, Element> london = xmlEntries(xml(TestEvents.london()));
        assertTimes(london.get(KEYNOTE), "2024-06-26T09:00:00+01:00", "09:00", "01:00");
        assertTimes(london.get(NOTICES), "2024-06-26T14:40:00+01:00", "14:40", "00:00");

        Map<UUID, Element> chicago = xmlEntries(xml(TestEvents.chicago()));
        assertTimes(chicago.get(NIGHT_OWL), "2024-03-10T01:30:00-06:00", "01:30", "01:00");
        assertTimes(chicago.get(FROM_UTC), "2024-03-10T10:00:00-05:00", "10:00", "00:45");

        Map<UUID, JsonObject> json = jsonEntries(json(TestEvents.chicago()));
        JsonObject nightOwl = json.get(NIGHT_OWL);
        assertEquals("2024-03-10T01:30:00-06:00", nightOwl.getString("date"));
        assertEquals("01:30", nightOwl.getString("start"));
        assertEquals("01:00", nightOwl.getString("duration"), "an hour of real time, though the clock moves two");
        assertEquals("2024-03-10T03:30:00-05:00", nightOwl.getString("end"));
        assertEquals("10:00", json.get(FROM_UTC).getString("start"), "15:00 UTC is 10:00 in Chicago");
    }

    @Test
    void cancelledItemsStayWithTitleAndTypeAndSaySoInTheSubtitle() {
        Map<UUID, Element> xml = xmlEntries(xml(TestEvents.london()));
        Map<UUID, JsonObject> json = jsonEntries(json(TestEvents.london()));

        assertEquals("Sparse Attention", text(xml.get(CANCELLED_TALK), "title"));
        assertEquals("talk", text(xml.get(CANCELLED_TALK), "type"));
        assertEquals("Cancelled", text(xml.get(CANCELLED_TALK), "subtitle"));
        assertEquals("Cancelled", json.get(CANCELLED_TALK).getString("subtitle"));
        assertNull(child(xml.get(KEYNOTE), "subtitle"));
        assertTrue(json.get(KEYNOTE).isNull("subtitle"));

        EventView london = TestEvents.london();
        EventView cancelled = TestEvents.event(london.slug(), london.title(), london.zone(), london.startDate(),
                london.endDate(), EventView.Status.CANCELLED, london.sessions());
        assertTrue(jsonEntries(json(cancelled)).values().stream().allMatch(e -> e.getString("subtitle").equals("Cancelled")),
                "a cancelled event cancels every item, as in the calendar feed");
    }

    @Test
    void linksAreAbsoluteWebAddresses() {
        Element link = children(child(xmlEntries(xml(TestEvents.london())).get(CANCELLED_TALK), "links"), "link").get(0);
        assertEquals("https://slides.example.org/cancelled.pdf", link.getAttribute("href"));
        JsonObject jsonLink = jsonEntries(json(TestEvents.london())).get(CANCELLED_TALK).getJsonArray("links").getJsonObject(0);
        assertEquals("slides", jsonLink.getString("type"));
        assertEquals("https://slides.example.org/cancelled.pdf", jsonLink.getString("url"));

        assertEquals(Optional.of("https://Example.org/caf%C3%A9"), FrabProgram.webAddress("HTTPS://Example.org/café"));
        assertEquals(Optional.empty(), FrabProgram.webAddress("javascript:alert(1)"));
        assertEquals(Optional.empty(), FrabProgram.webAddress("/slides.pdf"));
        assertEquals(Optional.empty(), FrabProgram.webAddress("https://exa mple.org/"));
    }

    @Test
    void hostileTextComesBackAsTextWithoutNewElementsOrKeys() {
        EventView plain = TestEvents.texts("Plain", "Plain abstract", "Plain room", "Plain track", "talk");
        PersonView plainSpeaker = TestEvents.person("text speaker", "Plain Name");
        Map<UUID, PersonView> plainPeople = Map.of(plainSpeaker.id(), plainSpeaker);

        Document xml = xml(ScheduleExport.xml(hostile(), hostilePeople(), PAGE));
        assertEquals(shape(xml(ScheduleExport.xml(plain, plainPeople, PAGE)).getDocumentElement()),
                shape(xml.getDocumentElement()));
        assertEquals(0, xml.getElementsByTagName("script").getLength());
        JsonObject json = json(ScheduleExport.json(hostile(), hostilePeople(), PAGE));
        assertEquals(shape(json(ScheduleExport.json(plain, plainPeople, PAGE)), null), shape(json, null));

        // line breaks become spaces in one-line fields; characters XML 1.0 cannot carry are gone
        String title = "<script>alert('x')</script> \"Q&A\" ]]> <![CDATA[x]]> \uD83D\uDE00 end";
        String abstractText = "Line 1\nLine 2\nLine 3 bell ]]> {\"key\": \"value\"},  lone\n<b>bold</b>";
        String room = "Room \"A\" <b>&amp;</b> 'B' </room><room name=\"evil\">";
        String track = "</track><track>evil";

        Element entry = xmlEntries(xml).get(TestEvents.id("text item"));
        assertEquals(title, text(entry, "title"));
        assertEquals(title, text(child(xml.getDocumentElement(), "conference"), "title"));
        assertEquals(abstractText, text(entry, "abstract"));
        assertEquals(room, text(entry, "room"));
        assertEquals(room, ((Element) entry.getParentNode()).getAttribute("name"));
        assertEquals(track, text(entry, "track"));
        assertEquals(HOSTILE_KIND, text(entry, "type"));
        assertEquals(HOSTILE_NAME, text(child(entry, "persons"), "person"));

        JsonObject jsonEntry = jsonEntries(json).get(TestEvents.id("text item"));
        assertEquals(title, jsonEntry.getString("title"));
        assertEquals(abstractText, jsonEntry.getString("abstract"));
        assertEquals(room, jsonEntry.getString("room"));
        assertEquals(Set.of(room), json.getJsonObject("schedule").getJsonObject("conference").getJsonArray("days")
                .getJsonObject(0).getJsonObject("rooms").keySet());
        assertEquals(track, jsonEntry.getString("track"));
        assertEquals(HOSTILE_NAME, jsonEntry.getJsonArray("persons").getJsonObject(0).getString("public_name"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Europe/London, true",
            "America/Argentina/Buenos_Aires, true",
            "UTC, true",
            "Etc/UTC, true",
            "Etc/GMT+5, false",
            "US/Central, false",
            "Asia/Kolkata, true"})
    void zoneNamesTheJsonSchemaRejectsAreLeftOutOfTheJsonOnly(String zone, boolean inJson) {
        EventView event = TestEvents.inZone(ZoneId.of(zone));
        byte[] xmlBytes = ScheduleExport.xml(event, Map.of(), PAGE);
        byte[] jsonBytes = ScheduleExport.json(event, Map.of(), PAGE);
        SchemaCheck.assertValidXml(xmlBytes);
        SchemaCheck.assertValidJson(jsonBytes);
        assertEquals(zone, text(child(xml(xmlBytes).getDocumentElement(), "conference"), "time_zone_name"));
        assertEquals(inJson, json(jsonBytes).getJsonObject("schedule").getJsonObject("conference")
                .containsKey("time_zone_name"));
    }

    @Test
    void anEventWithoutProgramHasOneEmptyDay() {
        EventView empty = TestEvents.event("empty", "Empty", TestEvents.LONDON, LocalDate.of(2024, 9, 2),
                LocalDate.of(2024, 9, 3), EventView.Status.PUBLISHED, List.of());
        List<Element> days = children(xml(empty).getDocumentElement(), "day");
        assertEquals(1, days.size());
        assertEquals("2024-09-02T00:00:00+01:00", days.get(0).getAttribute("start"));
        assertEquals("2024-09-03T00:00:00+01:00", days.get(0).getAttribute("end"));
        assertEquals(List.of(), children(days.get(0), "room"));
    }

    @Test
    void theEventPageMustBeAnAbsoluteWebAddress() {
        assertThrows(IllegalArgumentException.class,
                () -> ScheduleExport.xml(TestEvents.london(), Map.of(), URI.create("/events/effgenai-2024/")));
        assertThrows(IllegalArgumentException.class,
                () -> ScheduleExport.json(TestEvents.london(), Map.of(), URI.create("ftp://example.org/")));
    }

    // --- reading the files back

    static Document xml(EventView event) {
        return xml(ScheduleExport.xml(event, TestEvents.people(), PAGE));
    }

    static JsonObject json(EventView event) {
        return json(ScheduleExport.json(event, TestEvents.people(), PAGE));
    }

    static Document xml(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("schedule.xml does not parse", e);
        }
    }

    static JsonObject json(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    static Map<UUID, Element> xmlEntries(Document xml) {
        Map<UUID, Element> entries = new LinkedHashMap<>();
        NodeList events = xml.getElementsByTagName("event");
        for (int i = 0; i < events.getLength(); i++) {
            Element event = (Element) events.item(i);
            entries.put(UUID.fromString(event.getAttribute("guid")), event);
        }
        return entries;
    }

    static Map<UUID, JsonObject> jsonEntries(JsonObject json) {
        Map<UUID, JsonObject> entries = new LinkedHashMap<>();
        json.getJsonObject("schedule").getJsonObject("conference").getJsonArray("days").forEach(day ->
                day.asJsonObject().getJsonObject("rooms").values().forEach(room ->
                        room.asJsonArray().forEach(entry ->
                                entries.put(UUID.fromString(entry.asJsonObject().getString("guid")), entry.asJsonObject()))));
        return entries;
    }

    static void assertTimes(Element entry, String date, String start, String duration) {
        assertEquals(List.of(date, start, duration),
                List.of(text(entry, "date"), text(entry, "start"), text(entry, "duration")));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    static List<String> roomNames(Element day) {
        return children(day, "room").stream().map(r -> r.getAttribute("name")).toList();
    }

    /** Element names and attribute names, nested, without any text: what hostile text must not change. */
    static String shape(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            names.add(attributes.item(i).getNodeName());
        }
        StringBuilder shape = new StringBuilder("<" + element.getTagName() + " " + names + ">");
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                shape.append(shape(child));
            }
        }
        return shape.append("</>").toString();
    }

    /** Keys and value types, nested; the keys of a day's rooms are room names, so they count only as "room". */
    static String shape(JsonValue value, String key) {
        return switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .map(e -> ("rooms".equals(key) && e.getValue().getValueType() == JsonValue.ValueType.ARRAY
                            ? "room" : e.getKey()) + ":" + shape(e.getValue(), e.getKey()))
                    .collect(Collectors.joining(",", "{", "}"));
            case ARRAY -> value.asJsonArray().stream().map(v -> shape(v, null))
                    .collect(Collectors.joining(",", "[", "]"));
            default -> value.getValueType().name();
        };
    }
}
