package org.lectern.people.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lectern.people.api.AffiliationView;
import org.lectern.people.api.LinkView;
import org.lectern.people.api.PersonView;

/** A speaker, organizer or organization, as an organizer keeps it. */
@Entity
@Table(name = "PPL_PERSON")
public class Person {

    @Id
    @Column(length = 36)
    private String id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 120)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PersonView.Kind kind;

    @Column(length = 300)
    private String honorific;

    @Column(length = 2000)
    private String homepage;

    @Column(length = 320)
    private String email;

    @Lob
    private String bio;

    @ElementCollection
    @CollectionTable(name = "PPL_AFFILIATION", joinColumns = @JoinColumn(name = "PERSON_ID"))
    @OrderColumn(name = "POSITION")
    private List<Affiliation> affiliations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "PPL_LINK", joinColumns = @JoinColumn(name = "PERSON_ID"))
    @OrderColumn(name = "POSITION")
    private List<PersonLink> links = new ArrayList<>();

    @Column(length = 2000)
    private String photoUrl;

    /** Type and digest of the uploaded photo (its bytes live in PPL_PHOTO); null when none. */
    @Column(length = 20)
    private String photoType;

    @Column(length = 64)
    private String photoDigest;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Person() {
    }

    Person(UUID id, String slug, PersonInput input, Instant now) {
        this.id = id.toString();
        this.slug = slug;
        apply(input, now);
    }

    /** Replaces the profile with the input; the slug stays, links to the person keep working. */
    void apply(PersonInput input, Instant now) {
        this.name = input.name().strip();
        this.kind = input.kindOrDefault();
        this.honorific = input.honorific();
        this.homepage = input.homepage();
        this.email = input.email();
        this.bio = input.bio();
        this.photoUrl = input.photoUrl();
        this.affiliations.clear();
        input.affiliationsOrEmpty().forEach(a -> affiliations.add(new Affiliation(a.name().strip(), a.former())));
        this.links.clear();
        input.linksOrEmpty().forEach(l -> links.add(new PersonLink(l.label().strip(), l.url())));
        this.updatedAt = now;
    }

    /** Records a new uploaded photo (or none); the person's version rises, so pages re-render. */
    void photoChanged(String type, String digest, Instant now) {
        this.photoType = type;
        this.photoDigest = digest;
        this.updatedAt = now;
    }

    String photoType() {
        return photoType;
    }

    UUID id() {
        return UUID.fromString(id);
    }

    long version() {
        return version;
    }

    String email() {
        return email;
    }

    String bio() {
        return bio;
    }

    PersonView view() {
        return new PersonView(id(), slug, name, kind, honorific,
                affiliations.stream().map(a -> new AffiliationView(a.name(), a.former())).toList(),
                homepage, links.stream().map(l -> new LinkView(l.label(), l.url())).toList(), bio,
                photoUrl, photoDigest, version, updatedAt);
    }
}
