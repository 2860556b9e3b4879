package org.lectern.publishing.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lectern.publishing.site.SiteDirectory;
import org.lectern.publishing.site.SiteManifest;

/**
 * Serves the published site: pages, feeds and assets from the site folder, with strong ETags,
 * Last-Modified and 304 answers to conditional requests. Everything else of the WAR (the API)
 * has its own, more specific mapping.
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

    /** ETags by file, valid while the file's size and modification time stay the same. */
    private final Map<Path, Tag> tags = new ConcurrentHashMap<>();

    @Inject
    transient SiteDirectory site;

    /** A file version's tag, and its gzipped bytes once a client asked for them. */
    private static final class Tag {
        final long size;
        final FileTime modified;
        final String etag;
        volatile byte[] gzipped;

        Tag(long size, FileTime modified, String etag) {
            this.size = size;
            this.modified = modified;
            this.etag = etag;
        }

        String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gzip\"";
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        Optional<Path> resolved = site.resolve(path);
        if (resolved.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Path file = resolved.get();
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", request.getContextPath() + path + "/");
                return;
            }
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // read once: the bytes, their ETag and Last-Modified all describe the same version
        byte[] bytes = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Tag tag = tag(file, bytes, modified);
        String type = type(file);
        boolean compressible = type.startsWith("text/") || type.startsWith("application/");
        boolean gzip = compressible && bytes.length >= GZIP_FROM_BYTES && acceptsGzip(request);
        String etag = gzip ? tag.gzipEtag() : tag.etag;

        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", modified.toMillis());
        response.setHeader("Cache-Control", cacheControl(path));
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (compressible) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (notModified(request, tag, modified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        if (gzip) {
            byte[] body = gzipped(tag, bytes);
            response.setHeader("Content-Encoding", "gzip");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
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

    private static byte[] gzipped(Tag tag, byte[] bytes) throws IOException {
        byte[] known = tag.gzipped;
        if (known != null) {
            return known;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        tag.gzipped = out.toByteArray();
        return tag.gzipped;
    }

    /** Either tag of the current version (plain or gzipped) means the client holds it. */
    private static boolean notModified(HttpServletRequest request, Tag tag, FileTime modified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*")
                    || Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                            .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                            .anyMatch(t -> t.equals(tag.etag) || t.equals(tag.gzipEtag()));
        }
        long since = headerDate(request, "If-Modified-Since");
        return since >= 0 && modified.toMillis() / 1000 <= since / 1000;
    }

    private static long headerDate(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private Tag tag(Path file, byte[] bytes, FileTime modified) {
        Tag known = tags.get(file);
        if (known != null && known.size == bytes.length && known.modified.equals(modified)) {
            return known;
        }
        Tag tag = new Tag(bytes.length, modified, SiteManifest.etag(SiteManifest.sha256Hex(bytes)));
        tags.put(file, tag);
        return tag;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
