package org.lectern.app.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

/** The users admins manage, with their passwords hashed by the container's PBKDF2 implementation. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "access")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    /** The passwords that passed the slow check, so that the next request of that user skips it. */
    private final VerifiedPasswords verified = new VerifiedPasswords();

    /** Verified against when a name is unknown, so an unknown name costs as long as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void setUp() {
        hashes.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000"));
        decoyHash = hashes.generate("decoy".toCharArray());
    }

    @Transactional
    public List<Account> all() {
        return em.createQuery("select a from Account a order by a.name", Account.class).getResultList();
    }

    @Transactional
    public Optional<Account> find(String name) {
        return Optional.ofNullable(em.find(Account.class, name));
    }

    @Transactional
    public Account create(String name, Role role, String password) {
        Account account = new Account(name, role, hashes.generate(password.toCharArray()), Instant.now());
        em.persist(account);
        em.flush();
        return account;
    }

    @Transactional
    public Optional<Account> update(String name, Role role, String password) {
        Account account = em.find(Account.class, name);
        if (account == null) {
            return Optional.empty();
        }
        if (role != null) {
            account.changeRole(role);
        }
        if (password != null) {
            account.changePasswordHash(hashes.generate(password.toCharArray()));
        }
        em.flush();
        return Optional.of(account);
    }

    @Transactional
    public boolean delete(String name) {
        Account account = em.find(Account.class, name);
        if (account == null) {
            return false;
        }
        em.remove(account);
        return true;
    }

    /**
     * The user's role when the password is right; empty otherwise (also for unknown names). The row
     * is read on every call, so a deleted user, a new role or a new password counts at once.
     */
    public Optional<Role> check(String name, String password) {
        Optional<Account> account = find(name);
        if (account.isPresent() && verified.known(name, account.get().passwordHash(), password)) {
            return account.map(Account::role);
        }
        boolean valid = hashes.verify(password.toCharArray(), account.map(Account::passwordHash).orElse(decoyHash));
        if (valid && account.isPresent()) {
            verified.remember(name, account.get().passwordHash(), password);
        } else {
            verified.forget(name);
        }
        return account.filter(a -> valid).map(Account::role);
    }

    /**
     * Spends the time of one slow password check and answers nothing: a wrong password for a name that
     * is not checked here (the admin's) takes as long as one for any other name, so names cannot be
     * told apart by timing.
     */
    public void checkAgainstDecoy(String password) {
        hashes.verify(password.toCharArray(), decoyHash);
    }
}
