package org.lectern.publishing.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.publishing.site.PublicAddress;
import org.lectern.publishing.site.SitePublished;

/**
 * After each publish that changed the site, a signed notice to every configured webhook
 * ({@code lectern.webhooks.urls}, e.g. to start a deploy of the static site elsewhere).
 * <p>
 * The observer runs in the render thread, so it only builds the notice and hands one delivery per
 * endpoint to the managed scheduled executor; the HTTP requests, their time-outs and the retries
 * happen there, and nothing they do can fail or delay a render. Each attempt is signed afresh
 * (its own timestamp) over the same body bytes. Deliveries live in memory: the ones still waiting
 * when the server stops are given up (the next publish sends a new notice).
 * <p>
 * Without URLs nothing happens; with URLs but no secret, webhooks stay off (a notice that cannot
 * be verified could be forged to start deploys).
 */
@ApplicationScoped
public class PublishNotices {

    private static final Logger LOG = Logger.getLogger(PublishNotices.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    PublicAddress address;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.urls")
    Optional<List<String>> urls;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.attempts", defaultValue = "5")
    int attempts;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.retry.first.ms", defaultValue = "1000")
    long firstRetryMillis;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.retry.longest.ms", defaultValue = "60000")
    long longestRetryMillis;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.connect.timeout.ms", defaultValue = "3000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.read.timeout.ms", defaultValue = "10000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = "lectern.webhooks.log.size", defaultValue = "200")
    int logSize;

    private List<Endpoint> endpoints = List.of();
    private Signature signature;
    private RetrySchedule retries;
    private DeliveryLog log;
    private WebhookClient client;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        log = new DeliveryLog(logSize);
        retries = new RetrySchedule(attempts, Duration.ofMillis(firstRetryMillis), Duration.ofMillis(longestRetryMillis));
        List<String> rejected = new ArrayList<>();
        List<Endpoint> configured = Endpoint.parse(urls.orElse(List.of()), rejected);
        rejected.forEach(problem -> LOG.warning("lectern.webhooks.urls: " + problem + "; it is ignored"));
        if (configured.isEmpty()) {
            return;
        }
        if (secret.filter(s -> !s.isBlank()).isEmpty()) {
            LOG.severe("Webhooks are off: lectern.webhooks.urls is set but lectern.webhooks.secret (LECTERN_WEBHOOKS_SECRET) is not");
            return;
        }
        signature = new Signature(secret.get());
        client = new WebhookClient(Duration.ofMillis(connectTimeoutMillis), Duration.ofMillis(readTimeoutMillis));
        endpoints = configured;
        LOG.info(() -> "Webhooks: a signed notice after each publish goes to " + endpoints);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (client != null) {
            client.close();
        }
    }

    /** Called in the render thread: must return at once and never throw. */
    void onPublished(@Observes SitePublished change) {
        if (endpoints.isEmpty()) {
            return;
        }
        try {
            String noticeId = UUID.randomUUID().toString();
            byte[] body = Notice.body(noticeId, change, address.page("/"));
            Instant now = Instant.now();
            for (Endpoint endpoint : endpoints) {
                Delivery delivery = Delivery.pending(UUID.randomUUID().toString(), noticeId, endpoint.position(),
                        endpoint.redacted(), now);
                log.add(delivery);
                schedule(endpoint, body, delivery, Duration.ZERO);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No webhook notice for this publish", e);
        }
    }

    private void schedule(Endpoint endpoint, byte[] body, Delivery delivery, Duration wait) {
        try {
            scheduler.schedule(() -> attempt(endpoint, body, delivery), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.replace(delivery.abandoned(Instant.now(), "the server is stopping"));
        }
    }

    private void attempt(Endpoint endpoint, byte[] body, Delivery delivery) {
        if (stopping) {
            log.replace(delivery.abandoned(Instant.now(), "the server is stopping"));
            return;
        }
        Delivery next;
        try {
            next = send(endpoint, body, delivery);
        } catch (RuntimeException | LinkageError e) {
            // a defect, not the receiver's fault: asking again would fail the same way
            LOG.log(Level.SEVERE, "Webhook delivery " + delivery.id() + " to " + endpoint + " could not be sent", e);
            next = delivery.attemptFailed(Instant.now(), null, e.toString(), null);
        }
        log.replace(next);
        if (next.state() == Delivery.State.RETRYING) {
            schedule(endpoint, body, next, Duration.between(Instant.now(), next.nextAttemptAt()));
        }
    }

    /** One signed request; returns the delivery's state after it. */
    private Delivery send(Endpoint endpoint, byte[] body, Delivery delivery) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        WebhookClient.Answer answer = client.post(endpoint.address(), body, Map.of(
                "X-Lectern-Event", Notice.TYPE,
                "X-Lectern-Delivery", delivery.id(),
                "X-Lectern-Timestamp", timestamp,
                "X-Lectern-Signature", signature.sign(timestamp, body)));
        Instant now = Instant.now();
        if (answer.delivered()) {
            LOG.fine(() -> "Webhook delivery " + delivery.id() + " to " + endpoint + ": " + answer.describe());
            return delivery.delivered(now, answer.status());
        }
        Optional<Duration> wait = answer.worthRetrying() ? retries.after(delivery.attempts() + 1) : Optional.empty();
        // a retried attempt is routine; giving up is what an operator must see
        LOG.log(wait.isPresent() ? Level.INFO : Level.WARNING, () -> "Webhook delivery " + delivery.id() + " to "
                + endpoint + ", attempt " + (delivery.attempts() + 1) + ": " + answer.describe()
                + wait.map(w -> "; trying again in " + w.toMillis() + " ms").orElse("; given up"));
        return delivery.attemptFailed(now, answer.status(), answer.describe(), wait.map(now::plus).orElse(null));
    }

    /** The deliveries in the log, newest first. */
    public List<Delivery> deliveries() {
        return log.recent();
    }

    public Optional<Delivery> delivery(String id) {
        return log.find(id);
    }

    /** The settings as the API may show them: endpoints redacted, the secret never. */
    public WebhookSettings settings() {
        return new WebhookSettings(!endpoints.isEmpty(),
                endpoints.stream().map(e -> new WebhookSettings.Target(e.position(), e.redacted())).toList(),
                retries.attempts(), retries.first().toMillis(), retries.longest().toMillis(),
                connectTimeoutMillis, readTimeoutMillis, log.capacity());
    }
}
