package org.lectern.publishing.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lectern.events.api.CommitteeGroupView;
import org.lectern.events.api.EventView;
import org.lectern.events.api.ItemView;
import org.lectern.events.api.SessionView;
import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.LinkView;
import org.lectern.people.api.PersonView;

/** Events and people built by hand for the export tests, the same every time. */
final class ExportEvents {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant CHANGED = Instant.parse("2024-05-01T12:00:00Z");

    /** Text that breaks pages that do not escape: Liquid, HTML, markdown, and front matter breakers. */
    static final String HOSTILE = "{{ site.title }} {% include evil.html %} <script>alert(1)</script> "
            + "<img src=x onerror=alert(2)> [click](javascript:alert(3)) **bold** _em_ `code` | pipe $$x$$ ~~s~~ "
            + "&amp; \\ # hash\n---\ntitle: injected\r\n: colon \"quote\" 'single' \u2028sep\u0085nel {: .x} ^";

    static final PersonView WOOSUK = person("woosuk-kwon", "Woosuk Kwon", "UC Berkeley");
    static final PersonView MIRELLA = person("mirella-lapata", "Mirella Lapata", "University of Edinburgh");
    /** Hostile in every field a page shows: name, affiliation, homepage, links and bio. */
    static final PersonView MALLORY = new PersonView(id("mallory"), "mallory", HOSTILE, PersonView.Kind.PERSON, null,
            List.of(new AffiliationView(HOSTILE, false)), "javascript:alert(4)",
            List.of(new LinkView(HOSTILE, "https://example.org/wiki/A_(b)?q='x'*y"), new LinkView("bad", "data:text/html,x")),
            "# not a heading\n\n" + HOSTILE + "\n\n- {{ site.title }}\n1. not a list", null, null, 1, CHANGED);

    private ExportEvents() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static PersonView person(String slug, String name, String affiliation) {
        return new PersonView(id(slug), slug, name, PersonView.Kind.PERSON, null,
                List.of(new AffiliationView(affiliation, false), new AffiliationView("Former Place", true)), null,
                List.of(), null, null, null, 1, CHANGED);
    }

    static Map<UUID, PersonView> people() {
        return Map.of(WOOSUK.id(), WOOSUK, MIRELLA.id(), MIRELLA, MALLORY.id(), MALLORY);
    }

    static ItemView item(String name, String kind, String title, ZonedDateTime start, int minutes, List<UUID> speakers) {
        return new ItemView(id(name), kind, title, start, start.plusMinutes(minutes), false, speakers, List.of(),
                false, null, null, null, false, 1, CHANGED, null);
    }

    static SessionView session(String title, String room, ItemView... items) {
        List<ItemView> list = List.of(items);
        return new SessionView(id("session " + title), title, "session", room, List.of(), list.get(0).start(),
                list.get(list.size() - 1).end(), list);
    }

    static EventView event(String slug, String title, EventView.VenueView venue, List<EventView.SectionView> sections,
                           List<EventView.EventLinkView> links, List<CommitteeGroupView> committee,
                           List<SessionView> sessions) {
        return new EventView(id("event " + slug), slug, title, null, "workshop", LONDON, LocalDate.of(2024, 6, 26),
                LocalDate.of(2024, 6, 27), venue, null, sections, List.of(new EventView.TopicView("Efficient Models", null)),
                links, List.of(), List.of(), List.of(), committee, null, List.of(), EventView.Status.PUBLISHED, 7,
                CHANGED, sessions);
    }

    /** Two days in Edinburgh: a welcome, a talk by Woosuk Kwon, a panel; Mirella Lapata chairs. */
    static EventView workshop() {
        ZonedDateTime day1 = ZonedDateTime.of(2024, 6, 26, 9, 30, 0, 0, LONDON);
        ZonedDateTime day2 = day1.plusDays(1);
        return event("effgenai-2024", "International Workshop on Efficient Generative AI",
                new EventView.VenueView(null, "Informatics Forum", "G.07", null, "Edinburgh"),
                List.of(new EventView.SectionView("About", "The workshop brings together researchers.\n\nIt is funded by "
                        + "[GAIL](https://gail.ed.ac.uk/) and **EPCC**.\r\n#### Topics we like ####\n- Serving\n* Compilers\n"
                        + "After the list.")),
                List.of(new EventView.EventLinkView("registration", "Register", "https://forms.example.org/r?a=1&b=2")),
                List.of(new CommitteeGroupView("Organization chairs",
                        List.of(new CommitteeGroupView.Member(MIRELLA.id(), "General chair")))),
                List.of(session("Opening", "Room 1",
                                item("welcome", "welcome", "Welcome & Registration", day1, 30, List.of()),
                                item("vllm", "talk", "Serving LLMs with PagedAttention", day1.plusMinutes(30), 40,
                                        List.of(WOOSUK.id()))),
                        session("Day two", "Room 2",
                                item("panel", "panel", "New Software and Hardware", day2, 60, List.of(MIRELLA.id())))));
    }

    /** The same shape with hostile text everywhere a user can type. */
    static EventView hostile() {
        ZonedDateTime day1 = ZonedDateTime.of(2024, 6, 26, 9, 30, 0, 0, LONDON);
        return event("hostile", HOSTILE,
                new EventView.VenueView(HOSTILE, null, null, null, "Edinburgh"),
                List.of(new EventView.SectionView(HOSTILE, "# not a heading\n- " + HOSTILE + "\n\n1. not a list\n\n"
                        + "<div onclick=x>raw</div>\n\n{% raw %}{% endraw %}{{ page }}\n\n---\n\n> quote\n\n    code")),
                List.of(new EventView.EventLinkView("other", HOSTILE, "javascript:alert(4)"),
                        new EventView.EventLinkView("other", "odd", "https://example.org/wiki/A_(b)?q='x'*y")),
                List.of(new CommitteeGroupView(HOSTILE, List.of(new CommitteeGroupView.Member(MALLORY.id(), HOSTILE)))),
                List.of(session(HOSTILE, HOSTILE,
                        item("hostile talk", HOSTILE, HOSTILE, day1, 30, List.of(MALLORY.id())))));
    }
}
