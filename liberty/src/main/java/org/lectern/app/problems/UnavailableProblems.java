package org.lectern.app.problems;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every failure no other mapper claims. When the database or the broker is unreachable the
 * request's transaction has rolled back (they commit together), so nothing was written and the
 * client may simply retry: 503 with Retry-After. Anything else is a 500 problem with a reference
 * to the logged stack ({@link UnexpectedProblems}, which also takes the checked exceptions).
 */
@Provider
public class UnavailableProblems implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnavailableProblems.class.getName());
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(RuntimeException exception) {
        if (causedBy(exception, OptimisticLockException.class)) {
            // a concurrent edit that surfaced at commit, wrapped by the transaction interceptor
            return new ConcurrentEditProblems().toResponse(new OptimisticLockException(exception));
        }
        Optional<Outage> outage = Outage.of(exception);
        if (outage.isPresent()) {
            LOG.warning(() -> outage.get().title + ": " + exception);
            return Response.fromResponse(Problem.of(503, outage.get().title, detail(outage.get())))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        return new UnexpectedProblems().toResponse(exception);
    }

    private static String detail(Outage outage) {
        return switch (outage) {
            case DATABASE -> "Lectern cannot reach its database. Nothing was written; the published site is still "
                    + "served. Retry when GET /health/ready answers 200.";
            case BROKER -> "Lectern cannot reach its message broker, so it cannot announce this change to the "
                    + "publisher. Nothing was written. Retry when GET /health/ready answers 200.";
            case COMMIT -> "The database or the message broker failed while the change was being committed; "
                    + "both rolled back, so nothing was written. Retry when GET /health/ready answers 200.";
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 30; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
