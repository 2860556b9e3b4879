package org.lectern.people.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An uploaded photo that passed the checks: its bytes are a PNG, JPEG or WebP image of the
 * declared type (read from the bytes, not trusted from the name or header), within the size and
 * pixel limits. Only the image header is read, so a small file claiming a huge image (a
 * decompression bomb) is refused without being decoded.
 */
record Photo(String contentType, byte[] bytes, String digest, int width, int height) {

    /**
     * Bounds on what a browser (or anything else) must decode: a side of 5,000 pixels and 16.7
     * million pixels (4096 x 4096; a 12-megapixel phone photo passes). A few kilobytes of PNG can
     * claim 6000 x 6000, 144 MB decoded.
     */
    static final int MAX_SIDE = 5_000;
    static final long MAX_PIXELS = 4096L * 4096L;

    /** Why an upload was refused; the message is for the organizer. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static Photo of(String declaredType, byte[] bytes, int maxBytes) {
        if (bytes.length == 0) {
            throw new Refused(422, "is empty");
        }
        if (bytes.length > maxBytes) {
            throw new Refused(413, "is " + bytes.length + " bytes; the limit is " + maxBytes);
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new Refused(422, "is not a PNG, JPEG or WebP image");
        }
        String declared = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
        if (!declared.equals(type)) {
            throw new Refused(422, "is a " + type + " image but was sent as " + (declared.isEmpty() ? "nothing" : declared));
        }
        int[] size = dimensions(type, bytes);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw new Refused(422, "is a damaged " + type + " image: no readable size");
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE || (long) size[0] * size[1] > MAX_PIXELS) {
            throw new Refused(422, "is " + size[0] + "x" + size[1] + " pixels; the limit is " + MAX_SIDE
                    + " pixels a side and " + MAX_PIXELS + " pixels in all: scale it down");
        }
        return new Photo(type, bytes.clone(), sha256(bytes), size[0], size[1]);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    static String sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    /** Width and height from the header, or null when the header is not there. */
    static int[] dimensions(String type, byte[] b) {
        try {
            return switch (type) {
                case "image/png" -> startsWith(b, 12, 'I', 'H', 'D', 'R')
                        ? new int[] {be32(b, 16), be32(b, 20)} : null;
                case "image/jpeg" -> jpegDimensions(b);
                case "image/webp" -> webpDimensions(b);
                default -> null;
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int[] jpegDimensions(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            int length = be16(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return new int[] {be16(b, i + 7), be16(b, i + 5)};
            }
            i += 2 + length;
        }
        return null;
    }

    private static int[] webpDimensions(byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
            return new int[] {1 + u24(b, 24), 1 + u24(b, 27)};
        }
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
            return new int[] {le.getShort(26) & 0x3FFF, le.getShort(28) & 0x3FFF};
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
            int bits = le.getInt(21);
            return new int[] {1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF)};
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int be32(byte[] b, int i) {
        return ByteBuffer.wrap(Arrays.copyOfRange(b, i, i + 4)).getInt();
    }

    private static int u24(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
