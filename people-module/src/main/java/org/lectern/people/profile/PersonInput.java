package org.lectern.people.profile;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lectern.people.api.PersonView;

/** A person as an organizer sends it to the admin API. Every text has a bound. */
@PlainText(multiline = {"bio"})
public record PersonInput(
        @NotBlank @Size(max = 200) String name,
        PersonView.Kind kind,
        @Size(max = 300) String honorific,
        @Size(max = 20) List<@Valid @NotNull AffiliationInput> affiliations,
        @Size(max = 2000) @Pattern(regexp = WEB_URL, message = WEB_URL_MESSAGE) String homepage,
        @Size(max = 20) List<@Valid @NotNull LinkInput> links,
        @Size(max = 320) @Email String email,
        @Size(max = 20000) String bio,
        @Size(max = 2000) @Pattern(regexp = WEB_URL, message = WEB_URL_MESSAGE) String photoUrl) {

    /** What a person's GET ({@link PersonDocument}) shows besides these fields: read-only, ignored when sent back. */
    public static final List<String> READ_ONLY_FIELDS = List.of("id", "slug", "photo", "version", "updatedAt");

    /** http and https only: no javascript:, data: or file: URLs reach a page. */
    static final String WEB_URL = "(?i)https?://[^\\s<>\"'`]+";
    static final String WEB_URL_MESSAGE = "must be an http or https URL";

    @PlainText
    public record AffiliationInput(@NotBlank @Size(max = 300) String name, boolean former) {
    }

    @PlainText
    public record LinkInput(
            @NotBlank @Size(max = 100) String label,
            @NotBlank @Size(max = 2000) @Pattern(regexp = WEB_URL, message = WEB_URL_MESSAGE) String url) {
    }

    PersonView.Kind kindOrDefault() {
        return kind == null ? PersonView.Kind.PERSON : kind;
    }

    List<AffiliationInput> affiliationsOrEmpty() {
        return affiliations == null ? List.of() : affiliations;
    }

    List<LinkInput> linksOrEmpty() {
        return links == null ? List.of() : links;
    }
}
