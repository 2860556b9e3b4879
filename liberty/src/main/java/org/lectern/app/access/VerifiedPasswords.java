package org.lectern.app.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers which password last passed the slow PBKDF2 check against which stored hash, so that a
 * script making many requests as one user pays the 210,000 iterations once, not on every request.
 *
 * <p>What is kept per user is the stored hash it was checked against and a keyed fingerprint
 * (HMAC-SHA256 under a key drawn at start, never written anywhere) of the password, never the
 * password. A remembered check counts only while the stored hash is still the same: a changed
 * password, like a deleted user, is looked up in the database on every request, so it takes effect
 * at once on every instance.
 */
final class VerifiedPasswords {

    private static final int MAX_USERS = 10_000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(String storedHash, byte[] fingerprint) {
    }

    VerifiedPasswords() {
        new SecureRandom().nextBytes(key);
    }

    /** Whether this password was verified against exactly this stored hash before. */
    boolean known(String name, String storedHash, String password) {
        Entry entry = verified.get(name);
        return entry != null && entry.storedHash().equals(storedHash)
                && MessageDigest.isEqual(entry.fingerprint(), fingerprint(password));
    }

    /** Records a password the slow check just accepted for this stored hash. */
    void remember(String name, String storedHash, String password) {
        if (verified.size() >= MAX_USERS) {
            verified.clear();
        }
        verified.put(name, new Entry(storedHash, fingerprint(password)));
    }

    void forget(String name) {
        verified.remove(name);
    }

    private byte[] fingerprint(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
