package org.lectern.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The admin REST API under {@code /api}. Its resources live in the modules (people, events,
 * publishing); this class only gives them their root. The published site is served beside it.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Lectern admin API", version = "0.1",
        description = "Events, programs and people of academic events; every change is published to the site and feeds."))
public class LecternApplication extends Application {
}
