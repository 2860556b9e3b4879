package org.lectern.publishing.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lectern.events.api.EventCatalog;
import org.lectern.events.api.EventView;
import org.lectern.people.api.PeopleDirectory;
import org.lectern.people.api.PersonView;
import org.lectern.publishing.site.PublicAddress;
import org.lectern.publishing.site.SiteDirectory;

/**
 * Reads the published events and their people through the modules' views, as the site renderer
 * does, and the feeds and frab exports from the site folder, into a {@link JekyllSite}.
 */
@ApplicationScoped
public class JekyllExport {

    @Inject
    EventCatalog events;

    @Inject
    PeopleDirectory people;

    @Inject
    SiteDirectory site;

    @Inject
    PublicAddress address;

    /** The tree and the time of the latest change it shows (the time its zip entries carry). */
    record Tree(SortedMap<String, byte[]> files, Instant changed) {
    }

    /** One read of the data, in one transaction, so the pages agree with each other. */
    @Transactional
    public Tree tree() {
        List<EventView> published = events.publishedEvents();
        var named = people.findAll(published.stream().flatMap(e -> e.people().stream()).distinct().toList());
        Instant changed = published.stream().map(EventView::updatedAt)
                .reduce(Instant.EPOCH, (a, b) -> b != null && b.isAfter(a) ? b : a);
        changed = named.values().stream().map(PersonView::updatedAt)
                .reduce(changed, (a, b) -> b != null && b.isAfter(a) ? b : a);
        JekyllSite jekyll = new JekyllSite(published, named, this::published, address::webcal);
        return new Tree(jekyll.files(), changed);
    }

    /** A published file's bytes; nothing if it is not there (yet), or is not a plain file. */
    private Optional<byte[]> published(String sitePath) {
        Optional<Path> file = site.resolve(sitePath);
        if (file.isEmpty() || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since we looked: an event unpublished meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.get(), e);
        }
    }
}
