package org.lectern.app.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker accepts a session. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(name = "jms/lectern")
    ConnectionFactory connections;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connections.createContext()) {
            context.createTopic("lectern.events");
            return HealthCheckResponse.up("broker");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
