package org.lectern.app.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.app.problems.Problem;

/**
 * Caps the size of request bodies before anything reads them: {@code 413} with a problem. A body
 * that declares its length is refused at once; one sent in chunks is counted as it is read. frab
 * imports (a large conference's schedule is a few MB) and photo uploads (whose own, lower limit
 * the people module checks) have their own caps; every other body is JSON of one resource.
 */
@Provider
@PreMatching
public class BodyLimits implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "lectern.body.max.bytes", defaultValue = "1048576")
    long jsonLimit;

    @Inject
    @ConfigProperty(name = "lectern.import.max.bytes", defaultValue = "20971520")
    long importLimit;

    @Inject
    @ConfigProperty(name = "lectern.upload.max.bytes", defaultValue = "16777216")
    long uploadLimit;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getUriInfo().getPath());
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream(), limit));
        }
    }

    long limitFor(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("imports/")) {
            return importLimit;
        }
        if (p.startsWith("people/") && p.endsWith("/photo")) {
            return uploadLimit;
        }
        return jsonLimit;
    }

    static jakarta.ws.rs.core.Response tooLarge(long limit) {
        return Problem.of(413, "Content Too Large", "The request body exceeds the limit of " + limit + " bytes.");
    }

    /** Counts what is read and stops the reader once the limit is passed. */
    static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new jakarta.ws.rs.WebApplicationException(tooLarge(limit));
            }
        }
    }
}
