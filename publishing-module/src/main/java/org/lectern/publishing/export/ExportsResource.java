package org.lectern.publishing.export;

import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.lectern.publishing.site.SiteDirectory;

/**
 * Downloads of the published site: {@code GET /api/publishing/export/site.zip}, the site folder
 * as it is served, and {@code GET /api/publishing/export/jekyll.zip}, a Jekyll source tree of the
 * same events for groups who keep their site in Jekyll ({@code unzip}, then {@code jekyll build}).
 */
@PermitAll
@Path("publishing/export")
@RequestScoped
public class ExportsResource {

    static final String ZIP = "application/zip";
    private static final String PROBLEM = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ExportsResource.class.getName());

    @Inject
    SiteDirectory site;

    @Inject
    JekyllExport jekyll;

    @GET
    @Path("site.zip")
    @Produces({ZIP, PROBLEM})
    public Response site() {
        java.nio.file.Path root = site.root();
        List<String> files;
        try {
            files = SiteArchive.files(root);
        } catch (UncheckedIOException e) {
            return unreadable(e);
        }
        if (!files.contains("index.html")) {
            return problem(503, "Service Unavailable", "The site has not been rendered yet; try again in a few seconds.")
                    .header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        StreamingOutput zip = out -> SiteArchive.write(root, files, out);
        return download(zip, "site.zip");
    }

    @GET
    @Path("jekyll.zip")
    @Produces({ZIP, PROBLEM})
    public Response jekyll() {
        JekyllExport.Tree tree;
        try {
            tree = jekyll.tree();
        } catch (UncheckedIOException e) {
            return unreadable(e);
        }
        StreamingOutput zip = out -> SiteArchive.write(tree.files(), FileTime.from(tree.changed()), out);
        return download(zip, "jekyll-site.zip");
    }

    private static Response download(StreamingOutput zip, String filename) {
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response unreadable(UncheckedIOException e) {
        LOG.log(Level.WARNING, "Export failed", e);
        return problem(500, "Internal Server Error", "The published site could not be read: " + e.getMessage()).build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        return Response.status(status).type(PROBLEM)
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail));
    }
}
