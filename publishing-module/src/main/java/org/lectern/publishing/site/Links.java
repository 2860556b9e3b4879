package org.lectern.publishing.site;

import org.lectern.events.api.EventView;

/**
 * The addresses a page shows for its event: pages, and the feed as https and webcal.
 * {@code listsSchedule} and {@code listsSpeakers} say whether the event's navigation offers those
 * pages: an event without a program (a call for papers) does not send attendees to empty ones.
 */
record Links(String home, String schedule, String speakers, String feed, String webcalFeed, String stylesheet,
             boolean listsSchedule, boolean listsSpeakers) {

    Links(String home, String schedule, String speakers, String feed, String webcalFeed, String stylesheet) {
        this(home, schedule, speakers, feed, webcalFeed, stylesheet, true, true);
    }

    static Links of(String slug, PublicAddress address) {
        String base = "events/" + slug + "/";
        return new Links("/" + base, "/" + base + "schedule/", "/" + base + "speakers/",
                address.page(base + "calendar.ics").toString(), address.webcal(base + "calendar.ics"), "/assets/lectern.css");
    }

    /** The event's links, offering the schedule only when it has a program and the speakers only when someone speaks. */
    static Links of(EventView event, PublicAddress address) {
        Links links = of(event.slug(), address);
        boolean program = !event.sessions().isEmpty() || !event.meetings().isEmpty();
        return new Links(links.home(), links.schedule(), links.speakers(), links.feed(), links.webcalFeed(),
                links.stylesheet(), program, SpeakersPage.listsAnyone(event));
    }
}
