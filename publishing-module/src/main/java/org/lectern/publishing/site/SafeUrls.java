package org.lectern.publishing.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links a page may carry: absolute http and https addresses only (no javascript:, data:, file:). */
final class SafeUrls {

    private SafeUrls() {
    }

    /** The address if it is an absolute http(s) URL, else null (the page then shows no link). */
    static String orNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
