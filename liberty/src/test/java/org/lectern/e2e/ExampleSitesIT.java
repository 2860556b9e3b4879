package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The example events of ../shared/examples, loaded as demo data on the first start, render with
 * their facts on the right pages: names, affiliations, times in the event's zone, topics, the
 * committee, the host conference and venue, a course's meetings.
 */
class ExampleSitesIT {

    final Lectern lectern = new Lectern();

    @Test
    void theTwoDayWorkshop() {
        String home = lectern.get("events/effgenai-2024/");
        contains(home, "International Workshop on Efficient Generative AI", "16 May 2024", "Edinburgh",
                ">Topics</h2>", "Efficient Model Architectures", "Interdisciplinary Efficiency Perspectives",
                "Format and Participation", "Organization Chairs", "Luo Mai", "Edoardo Ponti",
                "GAIL Interim Director", "Mirella Lapata", "University of Edinburgh", "webcal://");
        String schedule = lectern.get("events/effgenai-2024/schedule/");
        contains(schedule, "Times are Europe/London (BST)", "Thursday 16 May 2024",
                "Software &amp; Hardware for Efficient GenAI", "10:20\u201311:40", "Woosuk Kwon, UC Berkely", // the example's own spelling
                "Minjie Wang, Amazon AI Lab", "Peter Pietzuch, Imperial College");
        // as the organizers' table reads: one row for lunch (not a session heading and its item), a quiet one
        assertEquals(2, schedule.split("Lunch \\(Buffet\\)", -1).length - 1, "one lunch row a day: " + schedule);
        assertTrue(schedule.contains("<li class=\"item meal quiet\">"), schedule);
        String speakers = lectern.get("events/effgenai-2024/speakers/");
        contains(speakers, "Woosuk Kwon", "UC Berkely", "Speaker: ",
                "Andrew Fitzgibbon, Fellow of the Royal Academy of Engineering"); // the workshop's order
        assertTrue(speakers.indexOf("Minjie Wang") < speakers.indexOf("Woosuk Kwon"), "speakers by name");
        String person = lectern.get("people/woosuk-kwon/");
        contains(person, "Woosuk Kwon", "UC Berkely", "International Workshop on Efficient Generative AI",
                "people/woosuk-kwon/calendar.ics");
        contains(lectern.get("people/luo-mai/"), "Committee: Organization Chairs", "https://luomai.github.io/");
    }

    @Test
    void theTutorialAtAHostConference() {
        String home = lectern.get("events/genai-catalyst-asplos-2025/");
        contains(home, "GenAI Catalyst", "Part of <a href=\"https://www.asplos-conference.org/asplos2025/\">ASPLOS 2025</a>",
                "Goudriaan II, Postillion Hotel &amp; Convention Centre WTC Rotterdam, Rotterdam", "Xupeng Miao", "Zhihao Jia");
        // a duration agenda: the times are derived one after the other, in Rotterdam's zone
        String schedule = lectern.get("events/genai-catalyst-asplos-2025/schedule/");
        contains(schedule, "Times are Europe/Amsterdam (CEST)", "Sunday 30 March 2025", "09:00\u201309:10", "09:10\u201310:10",
                "10:10\u201310:40", "10:40\u201312:10");
        // the organizers' emails are in the demo data, and on no page
        for (String page : List.of(home, schedule, lectern.get("people/xupeng-miao/"))) {
            assertFalse(page.contains("xupeng@purdue.edu"), page);
        }
    }

    @Test
    void theWeeklyCourse() {
        String home = lectern.get("events/efficient-ml-systems-seminar-2025/");
        contains(home, "Efficient Machine Learning Systems", "1070, Anne and Charles Duncan Hall, Houston",
                "Kernel-Level Optimizations", "Efficient LLMs");
        String schedule = lectern.get("events/efficient-ml-systems-seminar-2025/schedule/");
        contains(schedule, "Times are America/Chicago", "Fri 29 Aug 2025", "15:00\u201316:15 CDT", "Fri 5 Dec 2025",
                "15:00\u201316:15 CST");
    }

    @Test
    void theWorkshopCall() {
        String home = lectern.get("events/effgenai-call/");
        contains(home, "1st Workshop on Efficient Generative AI", "Open Questions", "Workshop Goals",
                "Efficient Inference and Sampling Methods for Generative Models", "Model Compression Techniques");
        // a call has no program yet: its navigation does not send attendees to an empty schedule or speakers page
        assertFalse(home.contains("href=\"/events/effgenai-call/schedule/\""), home);
        assertFalse(home.contains("href=\"/events/effgenai-call/speakers/\""), home);
        assertTrue(lectern.get("events/effgenai-2024/").contains("href=\"/events/effgenai-2024/speakers/\""));
    }

    @Test
    void theIndexListsEveryExampleAndNoEmail() {
        String index = lectern.get("");
        contains(index, "International Workshop on Efficient Generative AI", "GenAI Catalyst",
                "Efficient Machine Learning Systems", "1st Workshop on Efficient Generative AI", "<h2>Past</h2>");
        assertFalse(index.contains("@purdue.edu"), index);
    }

    private static void contains(String page, String... facts) {
        for (String fact : facts) {
            assertTrue(page.contains(fact), "missing \"" + fact + "\" in:\n" + page);
        }
    }
}
