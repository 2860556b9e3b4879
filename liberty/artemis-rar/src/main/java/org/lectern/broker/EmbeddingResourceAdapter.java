package org.lectern.broker;

import java.nio.file.Path;
import java.util.logging.Logger;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * The Artemis resource adapter, optionally with a broker of its own inside the server.
 *
 * <p>Liberty starts resource adapters before applications, so a broker started here is up
 * before any message-driven bean activates. With {@code embeddedBroker=false} this is the
 * plain Artemis adapter talking to an external broker.
 */
public class EmbeddingResourceAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EmbeddingResourceAdapter.class.getName());

    /** The addresses Lectern's settings apply to: every topic and queue it uses is named lectern.*. */
    static final String LECTERN_ADDRESSES = "lectern.#";
    static final String EXPIRED = "ExpiryQueue";

    /**
     * How long the journal gathers writes before it syncs them. Artemis waits 3.3 ms (NIO) or 0.5 ms
     * (AIO) to batch many producers; Lectern's writes are an editor's changes, each waiting for its
     * own transaction's prepare and commit, so the wait was most of an item change's time.
     */
    static final int JOURNAL_FLUSH_NANOS = 100_000;

    private Boolean embeddedBroker = Boolean.FALSE;
    private String brokerDirectory = "artemis";
    private Integer maxDeliveryAttempts = 5;
    private String deadLetterAddress = "DLQ";
    private Long redeliveryDelay = 500L;
    private Long maxRedeliveryDelay = 10_000L;
    private transient EmbeddedActiveMQ broker;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        if (Boolean.TRUE.equals(embeddedBroker)) {
            startBroker();
        }
        super.start(context);
    }

    @Override
    public void stop() {
        super.stop();
        if (broker != null) {
            try {
                broker.stop();
            } catch (Exception e) {
                LOG.warning("Embedded Artemis broker did not stop cleanly: " + e);
            }
            broker = null;
        }
    }

    private void startBroker() throws ResourceAdapterInternalException {
        long began = System.nanoTime();
        try {
            broker = new EmbeddedActiveMQ().setConfiguration(brokerConfiguration());
            broker.start();
        } catch (Exception e) {
            throw new ResourceAdapterInternalException("Embedded Artemis broker failed to start", e);
        }
        LOG.info(() -> String.format("Embedded Artemis broker started in %d ms, data in %s",
                (System.nanoTime() - began) / 1_000_000, brokerDirectory));
    }

    private Configuration brokerConfiguration() throws Exception {
        Path data = Path.of(brokerDirectory);
        Configuration config = new ConfigurationImpl()
                .setName("lectern-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setJournalBufferTimeout_NIO(JOURNAL_FLUSH_NANOS)
                .setJournalBufferTimeout_AIO(JOURNAL_FLUSH_NANOS)
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://0");
        // Poison messages go to the dead-letter address after a few attempts instead of
        // blocking their subscription; the growing delay gives a restarting database time to
        // return. An external broker needs the same address-setting (README, "Dead letters").
        config.addAddressSetting(LECTERN_ADDRESSES, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterAddress))
                .setExpiryAddress(SimpleString.of(EXPIRED))
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(redeliveryDelay)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(maxRedeliveryDelay));
        config.addQueueConfiguration(QueueConfiguration.of(deadLetterAddress).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(EXPIRED).setRoutingType(RoutingType.ANYCAST));
        return config;
    }

    public Boolean getEmbeddedBroker() {
        return embeddedBroker;
    }

    public void setEmbeddedBroker(Boolean embeddedBroker) {
        this.embeddedBroker = embeddedBroker;
    }

    public String getBrokerDirectory() {
        return brokerDirectory;
    }

    public void setBrokerDirectory(String brokerDirectory) {
        this.brokerDirectory = brokerDirectory;
    }

    public Integer getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    public void setMaxDeliveryAttempts(Integer maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    public String getDeadLetterAddress() {
        return deadLetterAddress;
    }

    public void setDeadLetterAddress(String deadLetterAddress) {
        this.deadLetterAddress = deadLetterAddress;
    }

    public Long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    public void setRedeliveryDelay(Long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public Long getMaxRedeliveryDelay() {
        return maxRedeliveryDelay;
    }

    public void setMaxRedeliveryDelay(Long maxRedeliveryDelay) {
        this.maxRedeliveryDelay = maxRedeliveryDelay;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
