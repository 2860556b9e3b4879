package org.lectern.app.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user an admin created: an editor or another admin. Only a salted PBKDF2 hash of the password is kept. */
@Entity
@Table(name = "ACC_ACCOUNT")
public class Account {

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    Account(String name, Role role, String passwordHash, Instant createdAt) {
        this.name = name;
        this.role = role.name();
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return Role.valueOf(role);
    }

    String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    void changeRole(Role newRole) {
        role = newRole.name();
    }

    void changePasswordHash(String hash) {
        passwordHash = hash;
    }
}
