package org.lectern.publishing.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lectern.publishing.site.SiteDirectory;

/**
 * Serves the published site: pages, feeds and assets from the site folder, with strong ETags,
 * Last-Modified and 304 answers to conditional requests. Each file version is read, hashed and
 * gzipped once and then answered from memory ({@link ServedFiles}): a feed that thousands of
 * calendar clients poll costs a {@code stat} per request, not a read of the whole file.
 * Everything else of the WAR (the API) has its own, more specific mapping.
 */
@WebServlet(urlPatterns = "/", name = "site")
public class SiteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "ics", "text/calendar; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "xml", "application/xml; charset=utf-8",
            "png", "image/png",
            "jpg", "image/jpeg",
            "webp", "image/webp");

    /** Text is sent gzipped to clients that accept it, when it is big enough to gain from it. */
    private static final int GZIP_FROM_BYTES = 512;

    /** What the site's files are served from: at most this many bytes are kept in memory. */
    private static final long KEPT_BYTES = 64L * 1024 * 1024;

    private final transient ServedFiles files = new ServedFiles(KEPT_BYTES);

    @Inject
    transient SiteDirectory site;

    /** The site folder, taken once: it does not change while the server runs. */
    private transient Path root;

    @Override
    public void init() {
        root = site.root();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        Optional<Path> resolved = SiteDirectory.resolve(root, path);
        if (resolved.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Path file = resolved.get();
        BasicFileAttributes attributes = attributes(file);
        if (attributes != null && attributes.isDirectory()) {
            if (!path.endsWith("/")) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", request.getContextPath() + path + "/");
                return;
            }
            file = file.resolve("index.html");
            attributes = attributes(file);
        }
        if (attributes == null || !attributes.isRegularFile() || file.getFileName().toString().startsWith(".")) {
            files.forget(file);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // one version: its bytes, ETag and Last-Modified all describe the same bytes
        Optional<ServedFiles.Version> current = files.current(file, attributes);
        if (current.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ServedFiles.Version version = current.get();
        String type = type(file);
        boolean compressible = type.startsWith("text/") || type.startsWith("application/");
        boolean gzip = compressible && version.bytes.length >= GZIP_FROM_BYTES && acceptsGzip(request);

        response.setHeader("ETag", gzip ? version.gzipEtag : version.etag);
        response.setHeader("Last-Modified", version.lastModified);
        response.setHeader("Cache-Control", cacheControl(path));
        if (compressible) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (notModified(request, version)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        byte[] body = gzip ? version.gzipped() : version.bytes;
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The file's attributes (one stat), or null when there is nothing at that path, or no file could
     * have it (a name too long for the file system): a 404, never a 500 naming the server's folders.
     */
    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (FileSystemException e) {
            return null;
        }
    }

    /** Photos are named by their hash and never change; other assets change with a release; pages and feeds are revalidated. */
    private static String cacheControl(String path) {
        if (path.startsWith("/assets/photos/")) {
            return "public, max-age=31536000, immutable";
        }
        return path.startsWith("/assets/") ? "public, max-age=3600" : "no-cache";
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** Either tag of the current version (plain or gzipped) means the client holds it. */
    private static boolean notModified(HttpServletRequest request, ServedFiles.Version version) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            // the common case first: a calendar client sending back the one tag it was given
            return ifNoneMatch.equals(version.etag) || ifNoneMatch.equals(version.gzipEtag)
                    || ifNoneMatch.trim().equals("*")
                    || Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                            .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                            .anyMatch(t -> t.equals(version.etag) || t.equals(version.gzipEtag));
        }
        long since = headerDate(request, "If-Modified-Since");
        return since >= 0 && version.modifiedMillis / 1000 <= since / 1000;
    }

    private static long headerDate(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
