package org.lectern.publishing.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignatureTest {

    static final byte[] BODY = "{\"type\":\"site.published\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void hmacSha256MatchesTheRfc4231Vector() {
        // RFC 4231, test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.hmacSha256Hex("Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void signsTheTimestampADotAndTheBody() {
        // computed independently: HMAC-SHA256("lectern-test-secret", "1767225600." + body)
        assertEquals("sha256=236fd9e9c4f2add68bd7ae19d5599e20f2233e2423ce9389b18a0ce05ca71265",
                new Signature("lectern-test-secret").sign("1767225600", BODY));
    }

    @Test
    void aSignatureFitsOnlyItsTimestampBodyAndSecret() {
        Signature signature = new Signature("lectern-test-secret");
        String header = signature.sign("1767225600", BODY);
        assertTrue(signature.matches(header, "1767225600", BODY));

        byte[] altered = BODY.clone();
        altered[altered.length - 2] ^= 1;
        assertFalse(signature.matches(header, "1767225600", altered));
        assertFalse(signature.matches(header, "1767225601", BODY), "a replay with a new timestamp");
        assertFalse(new Signature("another-secret").matches(header, "1767225600", BODY));
        assertFalse(signature.matches(null, "1767225600", BODY));
    }

    @Test
    void aSecretIsRequiredAndNeverShown() {
        assertThrows(IllegalArgumentException.class, () -> new Signature(" "));
        assertFalse(new Signature("lectern-test-secret").toString().contains("lectern-test-secret"));
    }
}
