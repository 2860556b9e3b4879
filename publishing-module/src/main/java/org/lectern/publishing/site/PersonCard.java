package org.lectern.publishing.site;

import java.util.Locale;
import java.util.Set;

import org.lectern.people.api.PersonView;

/**
 * A person as the pages show them: name, where they are now, their page and photo.
 *
 * @param photo the site address of their uploaded photo, or null (photos kept elsewhere are not
 *              shown: the pages make no requests to other sites)
 * @param role  a note for the place they are shown ("General chair"), or null
 */
public record PersonCard(String name, String honorific, String affiliation, String page, String photo, String role) {

    /** Titles written before a name; any other honorific is a distinction, written after it. */
    private static final Set<String> TITLES = Set.of("prof", "professor", "dr", "sir", "dame", "lord", "lady",
            "mr", "mrs", "ms", "mx", "rev", "assoc. prof", "asst. prof");

    /**
     * The name as the examples write it: "Prof. Ada Lovelace", but "Andrew Fitzgibbon, Fellow of
     * the Royal Academy of Engineering".
     */
    public String fullName() {
        if (honorific == null) {
            return name;
        }
        String title = honorific.strip().toLowerCase(Locale.ROOT);
        title = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
        return TITLES.contains(title) ? honorific.strip() + " " + name : name + ", " + honorific.strip();
    }

    static PersonCard of(PersonView person, String photo, String role) {
        String affiliation = person.currentAffiliationNames();
        return new PersonCard(person.name(), blankToNull(person.honorific()), affiliation.isEmpty() ? null : affiliation,
                "/people/" + person.slug() + "/", photo, blankToNull(role));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
