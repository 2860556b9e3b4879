package org.lectern.publishing.webhooks;

import java.time.Instant;

/**
 * One notice on its way to one endpoint, as the delivery log shows it. The endpoint is named by
 * its position in the configured list and a redacted address (deploy-hook URLs often carry a
 * token in their path or query, so they are treated like the secret).
 *
 * @param id            the delivery id, sent as {@code X-Lectern-Delivery}; the same on every attempt
 * @param notice        the notice's id (the body's {@code id}), shared by its deliveries to each endpoint
 * @param endpoint      1-based position of the endpoint in {@code lectern.webhooks.urls}
 * @param target        the endpoint's address without path, query or user info
 * @param state         where the delivery stands
 * @param attempts      attempts made so far
 * @param lastStatus    the HTTP status of the last answer; null if there was none
 * @param lastError     why the last attempt failed; null after a success
 */
public record Delivery(
        String id,
        String notice,
        int endpoint,
        String target,
        State state,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant finishedAt) {

    public enum State {
        /** waiting for its first attempt */
        PENDING,
        /** an attempt failed; another is scheduled at {@code nextAttemptAt} */
        RETRYING,
        /** the endpoint answered 2xx */
        DELIVERED,
        /** given up: attempts exhausted, refused by the endpoint, or the server stopped */
        FAILED
    }

    static Delivery pending(String id, String notice, int endpoint, String target, Instant now) {
        return new Delivery(id, notice, endpoint, target, State.PENDING, 0, null, null, now, null, now, null);
    }

    Delivery delivered(Instant at, int status) {
        return new Delivery(id, notice, endpoint, target, State.DELIVERED, attempts + 1, status, null,
                createdAt, at, null, at);
    }

    /** An attempt failed; {@code retryAt} is when the next one goes, or null if none will. */
    Delivery attemptFailed(Instant at, Integer status, String error, Instant retryAt) {
        return new Delivery(id, notice, endpoint, target, retryAt == null ? State.FAILED : State.RETRYING,
                attempts + 1, status, error, createdAt, at, retryAt, retryAt == null ? at : null);
    }

    /** Given up without a further attempt (the server is stopping). */
    Delivery abandoned(Instant at, String why) {
        return new Delivery(id, notice, endpoint, target, State.FAILED, attempts, lastStatus, why,
                createdAt, lastAttemptAt, null, at);
    }
}
