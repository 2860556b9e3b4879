package org.lectern.people.api;

/** An uploaded photo: its bytes, their media type (PNG, JPEG or WebP) and their SHA-256. */
public record PhotoView(String contentType, byte[] bytes, String digest) {

    public PhotoView {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The usual file extension for the media type. */
    public String extension() {
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            default -> "bin";
        };
    }
}
