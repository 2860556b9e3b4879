package org.lectern.publishing.site;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lectern.people.api.PeopleDirectory;
import org.lectern.people.api.PersonView;
import org.lectern.people.api.PhotoView;

/**
 * Uploaded photos on the site, named by their SHA-256 under {@code assets/photos/}: a new photo
 * gets a new address (so caches never show an old face) and the same photo is written once. A
 * photo no person has any more (deleted, or replaced) is removed from the site ({@link #sweep}).
 */
@ApplicationScoped
public class Photos {

    static final String FOLDER = "assets/photos";

    @Inject
    PeopleDirectory people;

    @Inject
    SiteDirectory site;

    /** The site address of the person's uploaded photo, written if it is not there yet; null if none. */
    String address(PersonView person) {
        String digest = person.photoDigest();
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            return null;
        }
        Optional<String> existing = Stream.of("jpg", "png", "webp")
                .map(ext -> FOLDER + "/" + digest + "." + ext)
                .filter(path -> site.resolve(path).map(java.nio.file.Files::isRegularFile).orElse(false))
                .findFirst();
        if (existing.isPresent()) {
            return "/" + existing.get();
        }
        Optional<PhotoView> photo = people.photo(person.id());
        if (photo.isEmpty() || photo.get().extension().equals("bin")) {
            return null;
        }
        String path = FOLDER + "/" + photo.get().digest() + "." + photo.get().extension();
        site.write(path, photo.get().bytes());
        return "/" + path;
    }

    /**
     * Removes the photo files whose digest is no person's current photo: a deleted person's photo
     * is then neither served nor in the site's zip, and a replaced one goes too.
     */
    void sweep() {
        if (site.resolve(FOLDER).map(java.nio.file.Files::isDirectory).orElse(false)) {
            Set<String> current = people.photoDigests();
            site.files(FOLDER)
                    .filter(name -> !current.contains(name.substring(0, Math.max(0, name.indexOf('.')))))
                    .forEach(name -> site.remove(FOLDER + "/" + name));
        }
    }
}
