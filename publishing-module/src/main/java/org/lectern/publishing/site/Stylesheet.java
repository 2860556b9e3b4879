package org.lectern.publishing.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The site's one stylesheet, shipped with the module and published at /assets/lectern.css. */
final class Stylesheet {

    static final byte[] BYTES = load();

    private Stylesheet() {
    }

    private static byte[] load() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("templates/lectern.css")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
