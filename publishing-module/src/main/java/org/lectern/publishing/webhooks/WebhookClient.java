package org.lectern.publishing.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;

/**
 * Posts one webhook request with the Jersey client (bundled in the WAR; Liberty's own client is
 * RESTEasy). Connect and read time out, redirects are not followed, and every failure comes back
 * as an {@link Answer}, never as an exception.
 */
final class WebhookClient implements AutoCloseable {

    static final String USER_AGENT = "Lectern-Webhooks/1";

    private final Client client;

    WebhookClient(Duration connectTimeout, Duration readTimeout) {
        client = new JerseyClientBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .build();
    }

    Answer post(URI address, byte[] body, Map<String, String> headers) {
        try {
            Invocation.Builder request = client.target(address).request().header("User-Agent", USER_AGENT);
            headers.forEach(request::header);
            try (Response response = request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
                return new Answer(response.getStatus(), response.getStatusInfo().getReasonPhrase(), null);
            }
        } catch (ProcessingException e) {
            return new Answer(null, null, rootCause(e));
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        client.close();
    }

    /** What came back: a status (with its reason), or the error that kept any answer from coming. */
    record Answer(Integer status, String reason, String error) {

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
            if (status == null) {
                return error;
            }
            return "HTTP " + status + (reason == null || reason.isBlank() ? "" : " " + reason);
        }
    }
}
