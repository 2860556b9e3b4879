package org.lectern.people.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.lectern.people.api.PersonView;

class PersonInputTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static PersonInput person(String name, String homepage, List<PersonInput.LinkInput> links, String photoUrl) {
        return new PersonInput(name, PersonView.Kind.PERSON, null,
                List.of(new PersonInput.AffiliationInput("Hugging Face", true), new PersonInput.AffiliationInput("MILA", false)),
                homepage, links, "a@example.org", null, photoUrl);
    }

    static Set<String> invalid(PersonInput input) {
        return VALIDATOR.validate(input).stream().map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aCompletePersonIsValid() {
        assertTrue(invalid(person("Alex Tong", "https://alextong.net", List.of(
                new PersonInput.LinkInput("Google Scholar", "https://scholar.google.com/x")), "HTTPS://example.org/p.jpg")).isEmpty());
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        assertEquals(Set.of("homepage", "links[0].url", "photoUrl"), invalid(person("A", "javascript:alert(1)",
                List.of(new PersonInput.LinkInput("x", "data:text/html,<script>")), "file:///etc/passwd")));
        assertEquals(Set.of("homepage"), invalid(person("A", "https://example.org/\"onmouseover=\"x", null, null)));
    }

    @Test
    void namesAreRequiredAndBounded() {
        assertEquals(Set.of("name"), invalid(person(" ", null, null, null)));
        assertEquals(Set.of("name"), invalid(person("x".repeat(201), null, null, null)));
        assertTrue(invalid(person("王小明 · محمد · Zoë", null, null, null)).isEmpty());
    }

    @Test
    void affiliationsKeepTheirOrderAndFormerOnesAreNotCurrent() {
        PersonView view = new PersonView(null, "s", "n", PersonView.Kind.PERSON, null,
                List.of(new org.lectern.people.api.AffiliationView("Hugging Face", true),
                        new org.lectern.people.api.AffiliationView("MILA", false),
                        new org.lectern.people.api.AffiliationView("Cohere", false)),
                null, List.of(), null, null, null, 1, null);
        assertEquals(List.of("MILA", "Cohere"), view.currentAffiliations().stream().map(a -> a.name()).toList());
    }
}
