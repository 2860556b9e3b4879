package org.lectern.publishing.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.lectern.publishing.site.SiteDirectory;

/**
 * Downloads of the published site: {@code GET /api/publishing/export/site.zip}, the site folder
 * as it is served, and {@code GET /api/publishing/export/jekyll.zip}, a Jekyll source tree of the
 * same events for groups who keep their site in Jekyll ({@code unzip}, then {@code jekyll build}).
 * Each is built once per version of the site ({@link BuiltExports}) and served with a strong
 * ETag; {@code If-None-Match} with it answers {@code 304}.
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

    @Inject
    BuiltExports built;

    @Context
    Request request;

    @GET
    @Path("site.zip")
    @Produces({ZIP, PROBLEM})
    public Response site() {
        java.nio.file.Path root = site.root();
        BuiltExports.Built zip;
        try {
            List<String> files = SiteArchive.files(root);
            if (!files.contains("index.html")) {
                return problem(503, "Service Unavailable", "The site has not been rendered yet; try again in a few seconds.")
                        .header(HttpHeaders.RETRY_AFTER, 5).build();
            }
            zip = built.get("site.zip", BuiltExports.siteVersion(root), () -> zipped(out -> SiteArchive.write(root,
                    SiteArchive.files(root), out)));
        } catch (UncheckedIOException e) {
            return unreadable(e);
        }
        return download(zip, "site.zip");
    }

    @GET
    @Path("jekyll.zip")
    @Produces({ZIP, PROBLEM})
    public Response jekyll() {
        BuiltExports.Built zip;
        try {
            // the Jekyll tree is read from the database, whose published state the site folder shows
            zip = built.get("jekyll.zip", BuiltExports.siteVersion(site.root()), () -> {
                JekyllExport.Tree tree = jekyll.tree();
                return zipped(out -> SiteArchive.write(tree.files(), FileTime.from(tree.changed()), out));
            });
        } catch (UncheckedIOException e) {
            return unreadable(e);
        }
        return download(zip, "jekyll-site.zip");
    }

    private interface ZipWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] zipped(ZipWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The zip, or 304 if the client holds this version; clients revalidate every time ({@code no-cache}). */
    private Response download(BuiltExports.Built zip, String filename) {
        EntityTag tag = EntityTag.valueOf(zip.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(zip.zip(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
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
