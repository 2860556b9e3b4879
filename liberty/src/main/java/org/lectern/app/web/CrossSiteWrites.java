package org.lectern.app.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.app.problems.Problem;

/**
 * Refuses cross-site request forgery on the admin API. A browser that once logged in keeps the
 * Basic credentials and sends them with any request to this server, also one a page on another
 * site makes it send (an auto-submitted form). So a write (POST, PUT, PATCH, DELETE) is refused
 * with 403 when the browser says it comes from elsewhere ({@code Origin} other than this server's,
 * or {@code Sec-Fetch-Site} other than same-origin), and with 415 when its body has one of the
 * types an HTML form can send ({@code text/plain}, form-urlencoded, multipart): the API reads JSON,
 * frab XML and images only. Scripts and curl send neither header and are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossSiteWrites implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    @Inject
    @ConfigProperty(name = "lectern.public.url", defaultValue = "http://localhost:9080")
    String publicUrl;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        String site = request.getHeaderString("Sec-Fetch-Site");
        URI base = request.getUriInfo().getBaseUri();
        if (origin != null && !origin.equalsIgnoreCase(originOf(base)) && !origin.equalsIgnoreCase(originOf(URI.create(publicUrl)))) {
            request.abortWith(Problem.of(403, "Cross-site request refused",
                    "Writes are accepted only from this server's own pages or from clients that are not browsers."));
            return;
        }
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            request.abortWith(Problem.of(403, "Cross-site request refused",
                    "Writes are accepted only from this server's own pages or from clients that are not browsers."));
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && FORM_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
            request.abortWith(Problem.of(415, "Unsupported Media Type",
                    "The API takes JSON (and frab XML or images where documented), not " + type.getType() + "/" + type.getSubtype() + "."));
        }
    }

    /** scheme://host[:port] as a browser writes it in Origin (default ports left out). */
    static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
