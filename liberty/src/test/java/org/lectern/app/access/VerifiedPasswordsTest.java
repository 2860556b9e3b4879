package org.lectern.app.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final VerifiedPasswords passwords = new VerifiedPasswords();

    @Test
    void aPasswordIsKnownOnlyForTheStoredHashItPassedAgainst() {
        passwords.remember("ada", "hash-1", "correct horse");

        assertTrue(passwords.known("ada", "hash-1", "correct horse"));
        assertFalse(passwords.known("ada", "hash-1", "correct horse "), "another password");
        assertFalse(passwords.known("ada", "hash-2", "correct horse"), "the password was changed since");
        assertFalse(passwords.known("grace", "hash-1", "correct horse"), "another user");
    }

    @Test
    void aForgottenUserNeedsTheSlowCheckAgain() {
        passwords.remember("ada", "hash-1", "correct horse");
        passwords.forget("ada");

        assertFalse(passwords.known("ada", "hash-1", "correct horse"));
    }

    @Test
    void fingerprintsAreKeyedPerInstance() {
        VerifiedPasswords other = new VerifiedPasswords();
        passwords.remember("ada", "hash-1", "correct horse");

        assertFalse(other.known("ada", "hash-1", "correct horse"), "nothing is shared between instances");
    }
}
