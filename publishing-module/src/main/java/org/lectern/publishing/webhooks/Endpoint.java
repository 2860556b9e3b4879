package org.lectern.publishing.webhooks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A configured webhook address and its 1-based position in the list. Deploy hooks often carry
 * their credential in the path or query (Netlify, Vercel, Cloudflare Pages), so the address is
 * shown and logged only {@link #redacted()}.
 */
record Endpoint(int position, URI address) {

    /** The configured addresses that are absolute http(s) URLs; the others are named in {@code rejected}. */
    static List<Endpoint> parse(List<String> urls, List<String> rejected) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i).trim();
            if (url.isEmpty()) {
                continue;
            }
            try {
                URI address = URI.create(url);
                String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && address.getHost() != null) {
                    endpoints.add(new Endpoint(i + 1, address));
                    continue;
                }
            } catch (IllegalArgumentException notAUri) {
                // named below, without echoing what may be a credential
            }
            rejected.add("entry " + (i + 1) + " is not an absolute http(s) URL");
        }
        return List.copyOf(endpoints);
    }

    /** Scheme, host and port only: {@code https://api.netlify.com}. */
    String redacted() {
        return address.getScheme() + "://" + address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort());
    }

    @Override
    public String toString() {
        return "#" + position + " " + redacted();
    }
}
