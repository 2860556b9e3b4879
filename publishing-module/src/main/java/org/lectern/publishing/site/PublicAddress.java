package org.lectern.publishing.site;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where attendees reach the site: the base of every absolute link, webcal link and UID. */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "lectern.public.url", defaultValue = "http://localhost:9080")
    String baseUrl;

    public URI page(String sitePath) {
        return URI.create(baseUrl.replaceFirst("/+$", "") + "/" + sitePath.replaceFirst("^/+", ""));
    }

    /** The same address with the webcal scheme, which calendar apps open as a subscription. */
    public String webcal(String sitePath) {
        return page(sitePath).toString().replaceFirst("^https?://", "webcal://");
    }

    public String host() {
        return URI.create(baseUrl).getHost();
    }
}
