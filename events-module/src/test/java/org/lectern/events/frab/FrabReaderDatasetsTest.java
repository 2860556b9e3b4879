package org.lectern.events.frab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader against the published schedules in /work/shared/datasets/frab (see SOURCES.md there). */
class FrabReaderDatasetsTest {

    /** Surefire runs in the module directory, /work/frab-wt/events-module. */
    static final Path DATASETS = Path.of("../../shared/datasets/frab");
    static final Map<String, FrabSchedule> READ = new ConcurrentHashMap<>();

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(DATASETS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FrabSchedule schedule(String file) {
        return READ.computeIfAbsent(file, name -> FrabReader.read(bytes(name)));
    }

    static FrabTalk talk(FrabSchedule schedule, String id) {
        return schedule.talks().stream().filter(talk -> talk.id().equals(id)).findFirst().orElseThrow();
    }

    static void assertTalk(FrabTalk talk, String title, String startUtc, int minutes, String room, String... persons) {
        assertEquals(title, talk.title());
        assertEquals(Instant.parse(startUtc), talk.start().toInstant());
        assertEquals(Duration.ofMinutes(minutes), talk.duration());
        assertEquals(room, talk.room());
        assertEquals(List.of(persons), talk.persons().stream().map(FrabPerson::name).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "fosdem_2021.xml,      773,  108",
        "36c3_merged.xml,      1351, 92",
        "debconf23.xml,        117,  5",
        "frab-camp2019.json,   79,   2",
        "pretalx-democon.json, 36,   2"})
    void countsTalksAndRooms(String file, int talks, int rooms) {
        FrabSchedule schedule = schedule(file);
        assertEquals(talks, schedule.talks().size());
        assertEquals(rooms, schedule.rooms().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fosdem_2021.xml", "36c3_merged.xml", "debconf23.xml", "frab-camp2019.json", "pretalx-democon.json"})
    void everyTalkHasStartDurationRoomTitleAndNamedPersons(String file) {
        FrabSchedule schedule = schedule(file);
        for (FrabTalk talk : schedule.talks()) {
            String which = file + " talk " + talk.id();
            assertNotNull(talk.start(), which);
            assertFalse(talk.duration().isNegative(), which);
            assertTrue(schedule.rooms().contains(talk.room()), which + " room " + talk.room());
            assertTrue(talk.track() == null || schedule.tracks().contains(talk.track()), which);
            assertFalse(talk.title().isBlank(), which);
            assertEquals(talk.title().strip(), talk.title(), which);
            for (FrabPerson person : talk.persons()) {
                assertFalse(person.name().isBlank(), which);
                assertEquals(person.name().strip(), person.name(), which);
            }
        }
    }

    @Test
    void onlyTheTalkTheFileSaysLastsNoTimeHasAZeroDuration() {
        List<String> zero = new ArrayList<>();
        for (String file : List.of("fosdem_2021.xml", "36c3_merged.xml", "debconf23.xml", "frab-camp2019.json",
                "pretalx-democon.json")) {
            schedule(file).talks().stream().filter(talk -> talk.duration().isZero())
                    .forEach(talk -> zero.add(file + ":" + talk.id()));
        }
        assertEquals(List.of("36c3_merged.xml:399"), zero); // <duration>00:00</duration> in the file
    }

    @Test
    void fosdemHasNoTimeZoneSoClockTimesAreUtc() {
        FrabSchedule fosdem = schedule("fosdem_2021.xml");
        assertNull(fosdem.acronym());
        assertEquals("FOSDEM 2021", fosdem.title());
        assertNull(fosdem.timeZone());
        assertEquals(LocalDate.of(2021, 2, 6), fosdem.start());
        assertEquals(LocalDate.of(2021, 2, 7), fosdem.end());
        assertEquals(List.of("K.fosdem", "M.community", "M.misc"), fosdem.rooms().subList(0, 3));

        FrabTalk school = talk(fosdem, "11164");
        assertTalk(school, "Empowering the school of the future", "2021-02-06T10:00:00Z", 30, "M.community",
                "Marco Marinello", "Paolo Dongilli");
        assertEquals("Remotely accessing files in a distributed LDAP and Samba-based infrastructure", school.subtitle());
        assertEquals("Community", school.track());
        assertEquals("fuss_remote_access", school.slug());
        assertNull(school.guid());
        assertNull(school.language());
        assertEquals(List.of("7745", "8052"), school.persons().stream().map(FrabPerson::id).toList());

        // "drand " and "Rom " in the file
        assertEquals("drand", talk(fosdem, "11439").title());
        assertTalk(talk(fosdem, "11412"), "Secrets or not, but don't clear text.", "2021-02-06T13:20:00Z", 20,
                "L.lightningtalks", "Rom");
        assertTrue(talk(fosdem, "11795").persons().isEmpty());
    }

    @Test
    void thirtySixC3() {
        FrabSchedule congress = schedule("36c3_merged.xml");
        assertEquals("36c3", congress.acronym());
        assertEquals("36th Chaos Communication Congress", congress.title());
        assertNull(congress.timeZone());
        assertEquals(LocalDate.of(2019, 12, 30), congress.end());

        FrabTalk opening = talk(congress, "11223");
        assertTalk(opening, "Opening Ceremony", "2019-12-27T10:00:00Z", 30, "Ada", "bleeptrack", "blinry");
        assertEquals("6a32cb72-a69d-423c-91b5-60d88eb8e6c7", opening.guid());
        assertEquals("Welcome!", opening.abstractText());
        assertNull(opening.description());
        assertNull(opening.subtitle());
        assertEquals("de", opening.language());
        assertEquals("https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/11223.html", opening.url());

        // H:mm durations, no persons
        assertTalk(talk(congress, "1003"), "A/V Angel Meeting", "2019-12-27T16:00:00Z", 90, "Lecture room 11");
        // " Gabriella "Biella" Coleman" in the file
        assertTalk(talk(congress, "10875"), "Hack_Curio", "2019-12-27T22:30:00Z", 60, "Eliza",
                "Gabriella \"Biella\" Coleman", "Paula Bialski");
        // the talk says <room>headnut</room> inside <room name="1Komona headnut">: the listing wins
        assertTalk(talk(congress, "815"),
                "programming@1komona #how2pretalx - about (software & hardware) administration in self-organized systems",
                "2019-12-27T13:00:00Z", 60, "1Komona headnut", "noraver*in");
        assertFalse(congress.rooms().contains("headnut"));
    }

    @Test
    void debconfIsInKolkataWithUtcDates() {
        FrabSchedule debconf = schedule("debconf23.xml");
        assertEquals("Asia/Kolkata", debconf.timeZone());
        assertEquals("debconf23", debconf.acronym());
        assertEquals("DebConf 23", debconf.title());
        assertEquals(LocalDate.of(2023, 9, 10), debconf.start());
        assertEquals(LocalDate.of(2023, 9, 18), debconf.end());
        assertEquals(List.of("Anamudi", "Kuthiran", "Ponmudi", "Elsewhere", "Outside"), debconf.rooms());
        assertEquals(12, debconf.tracks().size());

        // <date>2023-09-10T05:00:00+00:00</date> <start>10:30</start>: 10:30 in Kolkata
        FrabTalk opening = talk(debconf, "35");
        assertTalk(opening, "Opening Ceremony", "2023-09-10T05:00:00Z", 20, "Anamudi", "Sruthi Chandran");
        assertEquals("455d075f-48c0-2ec2-24b3-f5add30c383a", opening.guid());
        assertEquals("Welcome to DebConf23", opening.description());
        assertEquals("Long talk (45 minutes)", opening.type());

        assertTalk(talk(debconf, "40"), "From 5 to 100: The Debian Brasília Community's Story", "2023-09-10T12:30:00Z",
                45, "Anamudi", "Lucas Kanashiro", "Sergio de Almeida Cipriano Junior", "Aquila Macedo",
                "Carlos Henrique Lima Melara", "Thais Rebouças", "Arthur Diniz", "Leonardo Gomes");
        assertTalk(talk(debconf, "31"), "Dinner", "2023-09-17T13:30:00Z", 210, "Elsewhere");
    }

    @Test
    void camp2019HasNoConferenceRoomList() {
        FrabSchedule camp = schedule("frab-camp2019.json");
        assertEquals("Camp2019", camp.acronym());
        assertEquals("Europe/Berlin", camp.timeZone());
        assertEquals(LocalDate.of(2019, 8, 21), camp.start());
        assertEquals(List.of("Curie", "Meitner"), camp.rooms());

        FrabTalk opening = talk(camp, "10386");
        assertTalk(opening, "Opening Ceremony", "2019-08-21T09:00:00Z", 30, "Curie", "jinxx", "smtw");
        assertEquals("a0a0fcfe-b7fb-46e3-84b6-97a5406016b4", opening.guid());
        assertEquals(List.of("7797", "4827"), opening.persons().stream().map(FrabPerson::id).toList());
        assertNull(opening.subtitle());
        assertEquals("Camp2019-10386-opening_ceremony", opening.slug());
    }

    @Test
    void pretalxDatesWinOverItsUtcTimeZone() {
        FrabSchedule democon = schedule("pretalx-democon.json");
        assertEquals("UTC", democon.timeZone());
        assertEquals(List.of("Gray Room", "Tan Room"), democon.rooms());

        // "date": "2020-12-14T09:00:00+01:00" although the conference says UTC and "start": "09:00"
        FrabTalk talk = talk(democon, "25");
        assertTalk(talk, "Focused 5thgeneration hardware", "2020-12-14T08:00:00Z", 30, "Gray Room", "Brian Robinson");
        assertEquals("26", talk.persons().get(0).id()); // id wins over the pretalx code NQTF8Y
        assertEquals("Phased", talk.track());
        assertEquals("http://localhost/democon/talk/G9JGWY/", talk.url());
    }

    /** Without their own dates, talks are placed by the day's date, their clock time and the day's span. */
    @ParameterizedTest
    @CsvSource({
        "debconf23.xml,      '(?s)<date>[^<]*</date>',                    ''",
        "frab-camp2019.json, '\"date\": \"\\d{4}-\\d\\d-\\d\\dT[^\"]*\",', ''"})
    void startsFromDayAndClockTimeMatchTheFilesDates(String file, String dates, String none) {
        String original = new String(bytes(file), StandardCharsets.UTF_8);
        String undated = original.replaceAll(dates, none);
        assertFalse(undated.equals(original));
        assertEquals(starts(schedule(file)), starts(FrabReader.read(undated.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void congressTalksPastMidnightGoOnTheNextDate() {
        String original = new String(bytes("36c3_merged.xml"), StandardCharsets.UTF_8);
        String undated = original.replaceAll("<date>[^<]*</date>", "")
                .replace("<conference>", "<conference><time_zone_name>Europe/Berlin</time_zone_name>");
        List<FrabTalk> dated = schedule("36c3_merged.xml").talks();
        List<FrabTalk> derived = FrabReader.read(undated.getBytes(StandardCharsets.UTF_8)).talks();
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            if (!dated.get(i).start().toInstant().equals(derived.get(i).start().toInstant())) {
                differing.add(dated.get(i).id());
            }
        }
        // 03:00 on the last day, whose <day end> says 19:00: as near to the 30th as to the 31st
        assertEquals(List.of("11289"), differing);
    }

    private static List<Instant> starts(FrabSchedule schedule) {
        return schedule.talks().stream().map(talk -> talk.start().toInstant()).toList();
    }
}
