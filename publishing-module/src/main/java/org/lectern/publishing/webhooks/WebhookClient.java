package org.lectern.publishing.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts one webhook request with the JDK's HTTP client (HTTP/1.1, no redirects followed). Connect
 * and answer time out, and every failure comes back as an {@link Answer}, never as an exception.
 * <p>
 * The JDK's client, not a JAX-RS one: Liberty's own client is RESTEasy, and bundling Jersey for one
 * POST put seven jars (3.4 MB) in the WAR that every start scanned and whose classes stayed loaded.
 */
final class WebhookClient implements AutoCloseable {

    static final String USER_AGENT = "Lectern-Webhooks/1";

    private final HttpClient client;
    private final Duration answerTimeout;

    WebhookClient(Duration connectTimeout, Duration answerTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.answerTimeout = answerTimeout;
    }

    Answer post(URI address, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address)
                .timeout(answerTimeout)
                .header("User-Agent", USER_AGENT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(null, rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted: the server is stopping");
        }
    }

    /** The failure and, when it has one, its root cause: "ConnectException (UnresolvedAddressException)". */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? named(failure) : named(failure) + " (" + named(root) + ")";
    }

    private static String named(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** Nothing to release on Java 17: the client's selector thread ends once the client is unreachable. */
    @Override
    public void close() {
    }

    /** What came back: a status, or the error that kept any answer from coming. */
    record Answer(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /**
         * Network errors, 5xx, 408 and 429 may pass; any other answer (a 4xx such as a rejected
         * signature or an unknown hook, a redirect) will not change by asking again.
         */
        boolean worthRetrying() {
            return status == null || status >= 500 || status == 408 || status == 429;
        }

        String describe() {
            return status == null ? error : "HTTP " + status;
        }
    }
}
