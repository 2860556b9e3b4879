package org.lectern.people.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PhotoTest {

    static final int LIMIT = 2 * 1024 * 1024;

    static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** A minimal lossless WebP header (VP8L) of the given size: enough for the checks. */
    static byte[] webp(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(22).put("WEBP".getBytes()).put("VP8L".getBytes()).putInt(10);
        b.put((byte) 0x2F).putInt((width - 1) | ((height - 1) << 14));
        return b.array();
    }

    @Test
    void acceptsPngJpegAndWebpAndReadsTheirSize() throws IOException {
        Photo png = Photo.of("image/png", image("png", 320, 200), LIMIT);
        assertEquals(320, png.width());
        assertEquals(200, png.height());
        Photo jpeg = Photo.of("image/jpeg", image("jpg", 64, 48), LIMIT);
        assertEquals(64, jpeg.width());
        assertEquals(48, jpeg.height());
        Photo webp = Photo.of("image/webp", webp(100, 80), LIMIT);
        assertEquals(100, webp.width());
        assertEquals(80, webp.height());
        assertEquals(64, png.digest().length());
    }

    @Test
    void aRenamedExecutableIsRefused() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
        Photo.Refused refused = assertThrows(Photo.Refused.class, () -> Photo.of("image/png", elf, LIMIT));
        assertEquals(422, refused.status);
        assertTrue(refused.getMessage().contains("not a PNG, JPEG or WebP"));
        byte[] windows = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThrows(Photo.Refused.class, () -> Photo.of("image/jpeg", windows, LIMIT));
    }

    @Test
    void theDeclaredTypeMustBeTheRealOne() throws IOException {
        Photo.Refused refused = assertThrows(Photo.Refused.class, () -> Photo.of("image/jpeg", image("png", 10, 10), LIMIT));
        assertTrue(refused.getMessage().contains("image/png"), refused.getMessage());
    }

    @Test
    void tooManyBytesIs413() throws IOException {
        byte[] png = image("png", 10, 10);
        Photo.Refused refused = assertThrows(Photo.Refused.class, () -> Photo.of("image/png", png, png.length - 1));
        assertEquals(413, refused.status);
    }

    @Test
    void aSmallFileClaimingAHugeImageIsRefusedWithoutDecoding() throws IOException {
        byte[] png = image("png", 10, 10);
        // rewrite the IHDR size to 100000 x 100000 pixels: a decompression bomb's header
        ByteBuffer.wrap(png).putInt(16, 100_000).putInt(20, 100_000);
        Photo.Refused refused = assertThrows(Photo.Refused.class, () -> Photo.of("image/png", png, LIMIT));
        assertTrue(refused.getMessage().contains("100000x100000"), refused.getMessage());
    }

    @Test
    void aTruncatedImageIsRefused() throws IOException {
        byte[] png = Arrays.copyOf(image("png", 10, 10), 14);
        assertThrows(Photo.Refused.class, () -> Photo.of("image/png", png, LIMIT));
    }

    @Test
    void theBytesAreCopiedNotShared() throws IOException {
        byte[] png = image("png", 10, 10);
        Photo photo = Photo.of("image/png", png, LIMIT);
        png[24] ^= 0x7F;
        assertTrue(!Arrays.equals(png, photo.bytes()));
        assertArrayEquals(photo.bytes(), photo.bytes());
    }
}
