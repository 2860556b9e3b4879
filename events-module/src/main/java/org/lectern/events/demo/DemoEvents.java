package org.lectern.events.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.events.api.EventView;
import org.lectern.events.program.DetailInputs;
import org.lectern.events.program.EventEditor;
import org.lectern.events.program.EventInput;

/**
 * On the first start with an empty database, enters the four example events of shared/examples
 * through the same editor the API uses, and publishes them, so a newcomer sees a real site at
 * once. {@code LECTERN_DEMO=false} turns it off.
 *
 * <p>The fixtures (one JSON file an event, beside this class) name people as {@code "@key"}; the
 * people module's demo loader created them under {@link #personId(String)}, a name-based UUID
 * both loaders compute from the key. Each fixture lists the facts its page left open and the
 * demo assumes ({@code assumptions}).
 */
@ApplicationScoped
public class DemoEvents {

    public static final List<String> FIXTURES = List.of("effgenai-2024", "effgenai-call", "genai-catalyst-asplos-2025",
            "efficient-ml-systems-seminar-2025");

    private static final Logger LOG = Logger.getLogger(DemoEvents.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Pattern PERSON_KEY = Pattern.compile("\"@([a-z0-9-]+)\"");

    @Inject
    @ConfigProperty(name = "lectern.demo", defaultValue = "true")
    boolean enabled;

    @Inject
    EventEditor editor;

    /** One fixture: an event and its parts, as the API takes them. */
    public record Fixture(EventInput event, DetailInputs.ProgramInput program,
                          List<DetailInputs.CommitteeGroupInput> committee,
                          List<DetailInputs.AnnouncementInput> announcements, List<DetailInputs.SponsorInput> sponsors,
                          List<DetailInputs.PaperInput> papers, DetailInputs.RecurrenceInput recurrence,
                          List<MeetingFixture> meetings, List<String> assumptions) {
    }

    public record MeetingFixture(LocalDate date, boolean cancelled, LocalDateTime start, LocalDateTime end,
                                 String title, String kind, String room, List<UUID> speakers,
                                 List<DetailInputs.MeetingPaperInput> papers) {
    }

    /** The id the demo gives the person with this key (the people module computes the same). */
    public static UUID personId(String key) {
        return UUID.nameUUIDFromBytes(("lectern-demo-person:" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    void loadOnFirstStart(@Observes @Priority(100) @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled || !editor.list().isEmpty()) {
            return;
        }
        for (String name : FIXTURES) {
            EventView event = load(fixture(name));
            LOG.info("Demo event loaded: " + event.slug());
        }
    }

    public static Fixture fixture(String name) {
        try (InputStream in = DemoEvents.class.getResourceAsStream(name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher keys = PERSON_KEY.matcher(text);
            return JSON.fromJson(keys.replaceAll(m -> "\"" + personId(m.group(1)) + "\""), Fixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo fixture " + name + " is unreadable", e);
        }
    }

    private EventView load(Fixture fixture) {
        String id = editor.create(fixture.event()).id().toString();
        if (fixture.program() != null && !fixture.program().sessions().isEmpty()) {
            editor.replaceProgram(id, null, fixture.program());
        }
        if (fixture.committee() != null && !fixture.committee().isEmpty()) {
            editor.replaceCommittee(id, null, fixture.committee());
        }
        if (fixture.announcements() != null && !fixture.announcements().isEmpty()) {
            editor.replaceAnnouncements(id, null, fixture.announcements());
        }
        if (fixture.sponsors() != null && !fixture.sponsors().isEmpty()) {
            editor.replaceSponsors(id, null, fixture.sponsors());
        }
        if (fixture.papers() != null && !fixture.papers().isEmpty()) {
            editor.replacePapers(id, null, fixture.papers());
        }
        if (fixture.recurrence() != null) {
            editor.setRecurrence(id, null, fixture.recurrence());
        }
        for (MeetingFixture m : fixture.meetings() == null ? List.<MeetingFixture>of() : fixture.meetings()) {
            editor.putMeeting(id, m.date(), null, new DetailInputs.MeetingInput(m.cancelled(), m.start(), m.end(),
                    m.title(), m.kind(), m.room(), m.speakers(), m.papers()));
        }
        return editor.publish(id, null);
    }
}
