package org.lectern.publishing.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lectern.publishing.site.SiteDirectory;

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
            "xml", "application/xml; charset=utf-8");

    /** ETags by file, valid while the file's size and modification time stay the same. */
    private final Map<Path, Tag> tags = new ConcurrentHashMap<>();

    @Inject
    transient SiteDirectory site;

    private record Tag(long size, FileTime modified, String etag) {
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
        String etag = etag(file, bytes, modified);

        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", modified.toMillis());
        response.setHeader("Cache-Control", path.startsWith("/assets/") ? "public, max-age=3600" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (notModified(request, etag, modified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type(file));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static boolean notModified(HttpServletRequest request, String etag, FileTime modified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*")
                    || Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                            .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                            .anyMatch(etag::equals);
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

    private String etag(Path file, byte[] bytes, FileTime modified) {
        Tag known = tags.get(file);
        if (known != null && known.size() == bytes.length && known.modified().equals(modified)) {
            return known.etag();
        }
        String etag = "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"";
        tags.put(file, new Tag(bytes.length, modified, etag));
        return etag;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
