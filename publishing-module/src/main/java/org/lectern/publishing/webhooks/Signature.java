package org.lectern.publishing.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code sha256=<hex HMAC-SHA256>} keyed with the shared
 * secret, over the request's timestamp header, a dot, and the exact body bytes. The timestamp is
 * signed so a receiver that rejects old timestamps (say, more than five minutes off) cannot be
 * fed a recorded request again later; the delivery id lets it drop a duplicate inside that window.
 */
final class Signature {

    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    Signature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value for a request sent at {@code timestamp} (epoch seconds, as sent). */
    String sign(String timestamp, byte[] body) {
        byte[] head = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[head.length + body.length];
        System.arraycopy(head, 0, signed, 0, head.length);
        System.arraycopy(body, 0, signed, head.length, body.length);
        return PREFIX + hmacSha256Hex(secret, signed);
    }

    /** Whether a header value is the signature of this timestamp and body (in constant time). */
    boolean matches(String header, String timestamp, byte[] body) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacSha256Hex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            // every Java platform has HmacSHA256
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Signature[secret hidden]";
    }
}
