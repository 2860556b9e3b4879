package org.lectern.publishing.site;

/** The addresses a page shows for its event: pages, and the feed as https and webcal. */
record Links(String home, String schedule, String speakers, String feed, String webcalFeed, String stylesheet) {

    static Links of(String slug, PublicAddress address) {
        String base = "events/" + slug + "/";
        return new Links("/" + base, "/" + base + "schedule/", "/" + base + "speakers/",
                address.page(base + "calendar.ics").toString(), address.webcal(base + "calendar.ics"), "/assets/lectern.css");
    }
}
