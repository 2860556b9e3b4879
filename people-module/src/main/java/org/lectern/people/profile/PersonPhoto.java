package org.lectern.people.profile;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.lectern.people.api.PhotoView;

/** The bytes of a person's uploaded photo, apart from the person so lists never load them. */
@Entity
@Table(name = "PPL_PHOTO")
public class PersonPhoto {

    @Id
    @Column(name = "PERSON_ID", length = 36)
    private String personId;

    @Column(nullable = false, length = 20)
    private String contentType;

    @Column(nullable = false, length = 64)
    private String digest;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] bytes;

    protected PersonPhoto() {
    }

    PersonPhoto(String personId, Photo photo) {
        this.personId = personId;
        replace(photo);
    }

    void replace(Photo photo) {
        this.contentType = photo.contentType();
        this.digest = photo.digest();
        this.bytes = photo.bytes();
    }

    PhotoView view() {
        return new PhotoView(contentType, bytes, digest);
    }
}
