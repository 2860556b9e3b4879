package org.lectern.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The production profile's standalone Artemis broker, which the build created and started: a test
 * stops and starts it (through the same script the build uses) and reads a queue's counters
 * through the broker's management address.
 */
final class Broker {

    static final Path DIR = Path.of(System.getProperty("lectern.broker.dir", "target/artemis"));
    static final String SCRIPT = System.getProperty("lectern.broker.script", "src/test/production/artemis-broker.sh");
    static final int PORT = Integer.getInteger("lectern.broker.port", 61717);
    static final String USER = System.getProperty("lectern.broker.user", "lectern");
    static final String PASSWORD = System.getProperty("lectern.broker.password", "lectern-broker");

    private Broker() {
    }

    static void stop() throws IOException, InterruptedException {
        run("stop", DIR.toString());
    }

    static void start() throws IOException, InterruptedException {
        run("start", DIR.toString(), String.valueOf(PORT));
    }

    /** The subscription queue of a server's durable subscription: Artemis names it clientID.subscriptionName. */
    static String subscription(String instance, String subscriptionName) {
        return instance + "." + subscriptionName;
    }

    /**
     * Deletes a retired server's durable subscriptions, which would otherwise keep every later
     * message for it (docs/operations.md, "Retiring a server"). One that does not exist is skipped.
     */
    static void deleteSubscriptions(String instance) throws Exception {
        for (String subscription : List.of("publishing-events", "publishing-people", "events-people")) {
            String queue = subscription(instance, subscription);
            String failure = manage(request -> JMSManagementHelper.putOperationInvocation(request, "broker", "destroyQueue", queue, true),
                    reply -> JMSManagementHelper.hasOperationSucceeded(reply) ? null : String.valueOf(JMSManagementHelper.getResult(reply)));
            if (failure != null) {
                System.out.println("Broker: " + queue + " not deleted: " + failure);
            }
        }
    }

    /** A counter of a queue, such as messagesAdded or messagesAcknowledged. */
    static long queueCounter(String queue, String attribute) throws Exception {
        return manage(request -> JMSManagementHelper.putAttribute(request, "queue." + queue, attribute), reply -> {
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException(queue + " " + attribute + ": " + JMSManagementHelper.getResult(reply));
            }
            return ((Number) JMSManagementHelper.getResult(reply)).longValue();
        });
    }

    private interface ManagementRequest {
        void fill(Message request) throws Exception;
    }

    private interface ManagementReply<T> {
        T read(Message reply) throws Exception;
    }

    /** Sends one request to the broker's management address and reads its reply. */
    private static <T> T manage(ManagementRequest what, ManagementReply<T> read) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + PORT, USER, PASSWORD);
             QueueConnection connection = factory.createQueueConnection()) {
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(session, ActiveMQJMSClient.createQueue("activemq.management"));
            Message request = session.createMessage();
            what.fill(request);
            return read.read(requestor.request(request));
        }
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = SCRIPT;
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve("broker-control.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("artemis-broker.sh " + String.join(" ", arguments) + " failed; see "
                    + DIR.resolve("broker-control.log"));
        }
    }
}
