package org.lectern.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An event with everything its pages and feeds show: times in the event's own zone, people by
 * id (read them through the people module's directory). In JSON the zone is {@code timeZone}, the
 * name an event's PUT takes.
 *
 * @param recurrence a course's weekly meetings, or null
 * @param meetings   a course's meetings, expanded from the recurrence with overrides applied
 */
public record EventView(
        UUID id,
        String slug,
        String title,
        String shortTitle,
        String kind,
        @JsonbProperty("timeZone") ZoneId zone,
        LocalDate startDate,
        LocalDate endDate,
        VenueView venue,
        HostConferenceView hostConference,
        List<SectionView> sections,
        List<TopicView> topics,
        List<EventLinkView> links,
        List<AnnouncementView> announcements,
        List<SponsorView> sponsors,
        List<PaperView> papers,
        List<CommitteeGroupView> committee,
        RecurrenceView recurrence,
        List<MeetingView> meetings,
        Status status,
        long version,
        Instant updatedAt,
        List<SessionView> sessions) {

    public enum Status { DRAFT, PUBLISHED, CANCELLED }

    public EventView {
        sections = List.copyOf(sections);
        topics = List.copyOf(topics);
        links = List.copyOf(links);
        announcements = List.copyOf(announcements);
        sponsors = List.copyOf(sponsors);
        papers = List.copyOf(papers);
        committee = List.copyOf(committee);
        meetings = List.copyOf(meetings);
        sessions = List.copyOf(sessions);
    }

    public List<ItemView> items() {
        return sessions.stream().flatMap(s -> s.items().stream()).toList();
    }

    /** Everyone the event names: speakers, moderators, chairs, committee, meeting speakers. */
    public List<UUID> people() {
        return Stream.of(
                        sessions.stream().flatMap(s -> s.chairs().stream()),
                        items().stream().flatMap(i -> Stream.concat(i.speakerIds().stream(), i.moderatorIds().stream())),
                        committee.stream().flatMap(g -> g.members().stream().map(CommitteeGroupView.Member::personId)),
                        meetings.stream().flatMap(m -> m.speakerIds().stream()))
                .flatMap(s -> s).distinct().toList();
    }

    public record VenueView(String name, String building, String room, String address, String city) {

        /** "Room 1070, Anne and Charles Duncan Hall, Houston": the parts there are, most specific first. */
        public String label() {
            return String.join(", ", Stream.of(room, building, name, address, city)
                    .filter(s -> s != null && !s.isBlank()).toList());
        }
    }

    public record HostConferenceView(String name, String url) {
    }

    public record SectionView(String heading, String body) {
    }

    public record TopicView(String title, String description) {
    }

    public record EventLinkView(String kind, String label, String url) {
    }

    public record AnnouncementView(LocalDate date, String text, boolean pinned) {
    }

    public record SponsorView(String name, String logoUrl, String url) {
    }

    public record PaperView(String title, String authors, String url, String award) {
    }
}
