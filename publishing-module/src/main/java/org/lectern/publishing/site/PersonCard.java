package org.lectern.publishing.site;

import org.lectern.people.api.PersonView;

/**
 * A person as the pages show them: name, where they are now, their page and photo.
 *
 * @param photo the site address of their uploaded photo, or null (photos kept elsewhere are not
 *              shown: the pages make no requests to other sites)
 * @param role  a note for the place they are shown ("General chair"), or null
 */
record PersonCard(String name, String honorific, String affiliation, String page, String photo, String role) {

    static PersonCard of(PersonView person, String photo, String role) {
        String affiliation = person.currentAffiliationNames();
        return new PersonCard(person.name(), blankToNull(person.honorific()), affiliation.isEmpty() ? null : affiliation,
                "/people/" + person.slug() + "/", photo, blankToNull(role));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
